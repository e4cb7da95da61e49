using Microsoft.Extensions.Options;
using NCrontab;
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

        if (ScheduleProblem(options.RecalculationSchedule) is { } problem)
        {
            failures.Add(problem);
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

    /// <summary>
    /// Parses the schedule with NCrontab, the parser the timer trigger itself uses, so a schedule the timer would
    /// refuse stops the app at start with this message instead of leaving the recalculation silently unscheduled.
    /// </summary>
    private static string? ScheduleProblem(string? schedule)
    {
        var fields = (schedule ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            return $"Pmg:RecalculationSchedule «{schedule}» must be an NCRONTAB expression with 5 or 6 fields (second minute hour day month day-of-week, e.g. \"0 0 * * * *\" for hourly).";
        }

        var parsed = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return parsed is null
            ? $"Pmg:RecalculationSchedule «{schedule}» must be an NCRONTAB expression with 5 or 6 fields: NCrontab cannot read it."
            : null;
    }

    private static bool KnownZone(string? id) =>
        string.IsNullOrWhiteSpace(id) || TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);
}
