using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline;

/// <summary>Validates <see cref="PmgOptions"/> at start-up.</summary>
internal sealed class PmgOptionsValidator : IValidateOptions<PmgOptions>
{
    public ValidateOptionsResult Validate(string? name, PmgOptions options)
    {
        var failures = new List<string>();
        if (options.KnownServices.Count == 0)
        {
            failures.Add("Pmg:Services must list at least one service (comma-separated).");
        }

        if (options.KnownServices.Any(s => s.IndexOfAny(['/', '\\', '#', '?', '|']) >= 0))
        {
            failures.Add("Pmg:Services entries must not contain / \\ # ? or |.");
        }

        var unknown = options.ExpectedRegions
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => RegionCatalog.FindByCode(c) is null)
            .ToArray();
        if (unknown.Length > 0)
        {
            failures.Add("Pmg:ExpectedRegions has unknown ISO codes: " + string.Join(", ", unknown));
        }

        if (!ClosingDate.TryParseMonthDay(options.ClosingMonthDay, out _, out _))
        {
            failures.Add("Pmg:ClosingMonthDay must be MM-dd, e.g. 01-31.");
        }

        if (string.IsNullOrWhiteSpace(options.RecalculationSchedule) || options.RecalculationSchedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            failures.Add("Pmg:RecalculationSchedule must be an NCRONTAB expression with 5 or 6 fields.");
        }

        if (!KnownZone(options.TimeZone))
        {
            failures.Add($"Pmg:TimeZone «{options.TimeZone}» is not a time zone of this machine (use an IANA id such as {PmgOptions.DefaultTimeZone}).");
        }

        if (options.ReminderInterval <= TimeSpan.Zero)
        {
            failures.Add("Pmg:ReminderInterval must be positive.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures);
    }

    private static bool KnownZone(string? id) =>
        string.IsNullOrWhiteSpace(id) || TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);
}
