using System.Globalization;
using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;

namespace Pmg.Pipeline.Ingestion;

/// <summary>
/// Compares the forms container with the Submissions ledger. Cost: one blob listing of the prefix asked (a
/// service-year, a service, or the whole container; 5,000 blobs a page), one ledger query per service-year found in
/// it, and one lookup per blob whose path gives no service-year. A blob is processed once its record is completed.
/// </summary>
internal sealed class UnprocessedFormFinder(IFormStore forms, ISubmissionLedger ledger, IOptions<PmgOptions> options)
{
    public async Task<IReadOnlyList<UnprocessedForm>> FindAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var prefix = Prefix(service is null ? null : settings.FindService(service) ?? service, year);
        var listed = await forms.ListAsync(prefix, cancellationToken).ConfigureAwait(false);
        var unprocessed = new List<UnprocessedForm>();
        foreach (var group in listed.Select(blob => Parse(blob, settings)).GroupBy(f => SubmissionKeys.Partition(f.Service, f.Year), StringComparer.Ordinal))
        {
            var candidates = group
                .Where(f => service is null || string.Equals(f.Service ?? FirstSegment(f.Blob.Name), service, StringComparison.OrdinalIgnoreCase))
                .Where(f => year is null || f.Year == year)
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var completed = await CompletedIdsAsync(group.Key, candidates[0], cancellationToken).ConfigureAwait(false);
            foreach (var form in candidates)
            {
                var id = SubmissionKeys.SubmissionId(form.Blob.Name, form.Blob.Version);
                if (completed is not null ? !completed.Contains(id) : await ledger.FindAsync(group.Key, id, cancellationToken).ConfigureAwait(false) is not { Completed: true })
                {
                    unprocessed.Add(form);
                }
            }
        }

        return [.. unprocessed.OrderBy(f => f.Blob.LastModified).ThenBy(f => f.Blob.Name, StringComparer.Ordinal)];
    }

    /// <summary>The completed ids of a service-year partition (one query), or null for the unparsed partition (looked up per blob).</summary>
    private async Task<HashSet<string>?> CompletedIdsAsync(string partition, UnprocessedForm sample, CancellationToken cancellationToken)
    {
        if (partition == SubmissionKeys.UnparsedPartition)
        {
            return null;
        }

        var records = await ledger.ListAsync(sample.Service!, sample.Year!.Value, cancellationToken).ConfigureAwait(false);
        return records.Where(r => r.Completed).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static UnprocessedForm Parse(StoredForm blob, PmgOptions settings)
    {
        var path = BlobPath.TryParse(blob.Name, settings, out _, out var service, out var year);

        // The region as the path names it, even where ingestion would refuse the path (a workstation without Pmg:Services).
        var segments = blob.Name.Split('/');
        var region = path?.Region ?? (segments.Length == 4 ? RegionCatalog.FindByCode(segments[2].ToUpperInvariant()) : null);
        return new UnprocessedForm(blob, service, year, region?.Code);
    }

    private static string FirstSegment(string name) => name.Split('/')[0];

    private static string? Prefix(string? service, int? year) => (service, year) switch
    {
        ({ } s, { } y) => string.Create(CultureInfo.InvariantCulture, $"{s}/{y}/"),
        ({ } s, null) => s + "/",
        _ => null,
    };
}
