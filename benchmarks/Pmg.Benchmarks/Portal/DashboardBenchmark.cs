using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Pmg.Benchmarks.Status;
using Pmg.Domain.Regions;

namespace Pmg.Benchmarks.Portal;

/// <summary>
/// Target of issue 12: the coordinator's dashboard (<c>GET /coordinacion</c>) for 4 services × 16 regions answers with
/// a server time p95 ≤ 200 ms on Azurite and a page (HTML plus every asset it loads) ≤ 200 KB. Seeds the world as the
/// hosts leave it (every region of 2019 of each service ingested, then recalculated; <see cref="StatusWorld"/>), starts
/// the portal on Kestrel over it and requests the dashboard of each service in turn, as a browser on loopback does.
/// Needs PMG_TEST_STORAGE:
/// <c>eng/azurite.sh run -- dotnet benchmarks/Pmg.Benchmarks/bin/Release/net10.0/Pmg.Benchmarks.dll --dashboard</c>.
/// </summary>
internal static partial class DashboardBenchmark
{
    private const int Requests = 200;
    private static readonly string[] ServiceNames = ["SERNAM", "SENAME", "INJUV", "FOSIS"];

    public static async Task<int> RunAsync()
    {
        var connection = Environment.GetEnvironmentVariable("PMG_TEST_STORAGE");
        if (string.IsNullOrEmpty(connection))
        {
            await Console.Error.WriteLineAsync("PMG_TEST_STORAGE is not set: run through eng/azurite.sh run -- …");
            return 2;
        }

        var prefix = "d" + Guid.NewGuid().ToString("N")[..10];
        var seeding = Stopwatch.StartNew();
        await StatusWorld.SeedAsync(connection, prefix, ServiceNames);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {ServiceNames.Length} services × 16 regions ({StatusWorld.Year}) in {seeding.Elapsed.TotalSeconds:0.0} s"));

        await using var portal = await PortalHarness.StartAsync(prefix, string.Join(",", ServiceNames));
        Uri Dashboard(string service) => new($"/coordinacion?servicio={service}&anio={StatusWorld.Year}", UriKind.Relative);

        // Warm-up (JIT, first connections) that also checks the page is the whole world: 16 regions in the table.
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in ServiceNames)
        {
            var html = await portal.Client.GetStringAsync(Dashboard(service));
            var regions = RegionCatalog.ExistingIn(StatusWorld.Year).Count(region => html.Contains($"<tr data-region=\"{region.Code}\"", StringComparison.Ordinal));
            if (regions != 16)
            {
                throw new InvalidOperationException($"The {service} dashboard names {regions} regions, not 16.");
            }

            pages[service] = html;
        }

        var times = new List<double>(Requests);
        for (var request = 0; request < Requests; request++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await portal.Client.GetAsync(Dashboard(ServiceNames[request % ServiceNames.Length]), HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];

        // Page weight: the largest dashboard's HTML plus every stylesheet, script and icon it references.
        var heaviest = pages.Values.MaxBy(html => html.Length)!;
        long assets = 0;
        foreach (var asset in AssetReference().Matches(heaviest).Select(match => match.Groups["url"].Value).Distinct(StringComparer.Ordinal))
        {
            assets += (await portal.Client.GetByteArrayAsync(new Uri(System.Net.WebUtility.HtmlDecode(asset), UriKind.Relative))).Length;
        }

        var htmlBytes = System.Text.Encoding.UTF8.GetByteCount(heaviest);
        Console.WriteLine("| requests | p50 | p95 | max | HTML | assets | page weight |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {Requests} | {Percentile(0.50):0.0} ms | {Percentile(0.95):0.0} ms | {times[^1]:0.0} ms | {htmlBytes / 1024.0:0.0} KB | {assets / 1024.0:0.0} KB | {(htmlBytes + assets) / 1024.0:0.0} KB |"));
        return 0;
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>/assets/[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AssetReference();
}
