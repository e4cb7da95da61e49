namespace Pmg.Domain.Rules;

/// <summary>
/// Which of two forms of one region, year and service is the current one: the most recent upload (for files on disk,
/// the last written), and at the same moment the one whose identifier sorts last (ordinal), so the choice never
/// depends on the order they are looked at. The pipeline switches a region's current submission by this rule.
/// </summary>
public static class SubmissionRecency
{
    /// <summary>Whether <paramref name="uploadedAt"/>/<paramref name="id"/> is more recent than <paramref name="otherUploadedAt"/>/<paramref name="otherId"/>.</summary>
    public static bool IsNewer(DateTimeOffset uploadedAt, string id, DateTimeOffset otherUploadedAt, string otherId) =>
        uploadedAt != otherUploadedAt ? uploadedAt > otherUploadedAt : string.CompareOrdinal(id, otherId) > 0;

    /// <summary>The most recent of <paramref name="items"/> by <see cref="IsNewer"/>; a missing time counts as the oldest.</summary>
    public static T Latest<T>(IEnumerable<T> items, Func<T, DateTimeOffset?> uploadedAt, Func<T, string> id)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(uploadedAt);
        ArgumentNullException.ThrowIfNull(id);
        return items.Aggregate((latest, item) =>
            IsNewer(uploadedAt(item) ?? DateTimeOffset.MinValue, id(item), uploadedAt(latest) ?? DateTimeOffset.MinValue, id(latest)) ? item : latest);
    }
}
