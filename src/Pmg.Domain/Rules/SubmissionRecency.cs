namespace Pmg.Domain.Rules;

/// <summary>
/// Which of two forms of one region, year and service is the current one: the most recent upload (for files on disk,
/// the last written); within the same second (storage keeps whole seconds) the later of the times the uploaders
/// recorded, when both did; and only then the one whose identifier sorts last (ordinal), so the choice never depends
/// on the order they are looked at. The pipeline switches a region's current submission by this rule.
/// </summary>
public static class SubmissionRecency
{
    /// <summary>Whether <paramref name="uploadedAt"/>/<paramref name="id"/> is more recent than <paramref name="otherUploadedAt"/>/<paramref name="otherId"/>.</summary>
    public static bool IsNewer(DateTimeOffset uploadedAt, string id, DateTimeOffset otherUploadedAt, string otherId) =>
        IsNewer(uploadedAt, null, id, otherUploadedAt, null, otherId);

    /// <summary>
    /// As <see cref="IsNewer(DateTimeOffset, string, DateTimeOffset, string)"/>, with the high-resolution times the
    /// uploaders recorded (<paramref name="recordedAt"/>, <paramref name="otherRecordedAt"/>) deciding between two
    /// uploads stored in the same second. They only break that tie: uploaders' clocks may be off by more than a second.
    /// </summary>
    public static bool IsNewer(DateTimeOffset uploadedAt, DateTimeOffset? recordedAt, string id, DateTimeOffset otherUploadedAt, DateTimeOffset? otherRecordedAt, string otherId)
    {
        if (uploadedAt != otherUploadedAt)
        {
            return uploadedAt > otherUploadedAt;
        }

        if (recordedAt is { } mine && otherRecordedAt is { } theirs && mine != theirs)
        {
            return mine > theirs;
        }

        return string.CompareOrdinal(id, otherId) > 0;
    }

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
