using Pmg.Domain.Model;

namespace Pmg.Pipeline.Ingestion;

/// <summary>One submission version's rows (Activities and III.4 ProgressRows): written once by ingestion, read back by the recalculation.</summary>
public interface ISubmissionContentStore
{
    /// <summary>Writes the version's rows; idempotent (a retry rewrites the same rows).</summary>
    Task SaveAsync(SubmissionRecord record, Submission submission, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the submission a pointer names from its stored rows, as the rules need it.</summary>
    Task<Submission> LoadAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default);
}
