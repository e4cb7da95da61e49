using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Pipeline.Tests;

/// <summary>`pmg report` counts the most recent form of a region by <see cref="SubmissionRecency"/>; the pipeline switches the current submission by <see cref="CurrentSubmission.IsNewerThan"/>: they must agree.</summary>
public sealed class SubmissionRecencyAgreementTests
{
    [Theory]
    [InlineData(2, "a", 1, "z")]
    [InlineData(1, "z", 2, "a")]
    [InlineData(1, "b", 1, "a")]
    [InlineData(1, "a", 1, "b")]
    [InlineData(1, "a", 1, "a")]
    public void IsNewer_AgreesWithThePipelinesCurrentSubmissionRule(int day, string id, int otherDay, string otherId)
    {
        var mine = Pointer(day, id);
        var other = Pointer(otherDay, otherId);

        Assert.Equal(mine.IsNewerThan(other), SubmissionRecency.IsNewer(mine.UploadedAt, id, other.UploadedAt, otherId));
    }

    private static CurrentSubmission Pointer(int day, string id) =>
        new("SERNAM", 2009, "CL-TA", id, "SERNAM/2009/CL-TA/" + id + ".docx", "v1", new DateTimeOffset(2026, 12, day, 10, 0, 0, TimeSpan.Zero));
}
