using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pmg.Portal.Browser.Tests;

/// <summary>axe-core on the page as the browser shows it: no serious or critical violation is allowed.</summary>
internal static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found on {page.Url}:\n" + string.Join("\n", serious));
    }
}
