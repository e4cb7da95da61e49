using Azure;
using Pmg.Domain.Regions;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;
using Pmg.Portal.Api;

namespace Pmg.Portal.Regions;

/// <summary>What the portal reads about one region: the years it has forms in, its uploads, one upload's state.</summary>
public sealed class RegionData(ISubmissionLedger ledger, ICurrentSubmissionStore current, TimeProvider time)
{
    /// <summary>
    /// The years to offer for a service, newest first: every year with a current form in any region, and this year
    /// (Chile time). The default is the newest year in which <paramref name="region"/> has a form, else the newest of all.
    /// </summary>
    public async Task<(IReadOnlyList<int> Years, int Default)> YearsAsync(string service, Region region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        IReadOnlyList<CurrentSubmission> pointers;
        try
        {
            pointers = await current.ListAsync(service, null, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            pointers = [];
        }

        var thisYear = PortalClock.ChileNow(time).Year;
        var years = pointers.Select(p => p.Year).Append(thisYear).Distinct().OrderDescending().ToList();
        var mine = pointers.Where(p => p.RegionCode == region.Code).Select(p => p.Year).DefaultIfEmpty().Max();
        var fallback = pointers.Count > 0 ? pointers.Max(p => p.Year) : thisYear;
        return (years, mine > 0 ? mine : fallback);
    }

    /// <summary>The years with a current form in any region, newest first, with this year (Chile time); and the newest.</summary>
    public async Task<(IReadOnlyList<int> Years, int Default)> ServiceYearsAsync(string service, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CurrentSubmission> pointers;
        try
        {
            pointers = await current.ListAsync(service, null, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            pointers = [];
        }

        var thisYear = PortalClock.ChileNow(time).Year;
        var years = pointers.Select(p => p.Year).Append(thisYear).Distinct().OrderDescending().ToList();
        return (years, pointers.Count > 0 ? pointers.Max(p => p.Year) : thisYear);
    }

    /// <summary>The region's uploads of a service and year, newest first, with the current one marked.</summary>
    public async Task<HistoryJson> HistoryAsync(string service, int year, Region region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        IReadOnlyList<SubmissionRecord> history;
        CurrentSubmission? pointer;
        try
        {
            history = await ledger.ListAsync(service, year, cancellationToken).ConfigureAwait(false);
            pointer = await current.GetAsync(service, year, region.Code, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing was ever ingested into this account.
            history = [];
            pointer = null;
        }

        var submissions = history
            .Where(r => r.RegionCode == region.Code)
            .Select(r => SubmissionJson.From(r, r.Id == pointer?.SubmissionId))
            .ToList();
        return new HistoryJson(service, year, new RegionJson(region.Code, region.Name), pointer?.SubmissionId, submissions);
    }

    /// <summary>
    /// Where an upload stands: "pending" until the pipeline recorded it completely, then "recorded" with the record.
    /// Null when the id names an upload of another region.
    /// </summary>
    public async Task<SubmissionStateJson?> SubmissionAsync(string service, int year, Region region, string submissionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        SubmissionRecord? record;
        try
        {
            record = await ledger.FindAsync(SubmissionKeys.Partition(service, year), submissionId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            record = null;
        }

        if (record is null)
        {
            return new SubmissionStateJson(submissionId, "pending", null);
        }

        if (record.RegionCode != region.Code)
        {
            return null;
        }

        var pointer = record.Outcome == IngestionStatus.Accepted
            ? await current.GetAsync(service, year, region.Code, cancellationToken).ConfigureAwait(false)
            : null;
        return new SubmissionStateJson(submissionId, record.Completed ? "recorded" : "pending", SubmissionJson.From(record, pointer?.SubmissionId == record.Id));
    }
}
