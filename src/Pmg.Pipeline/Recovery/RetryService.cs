using Microsoft.Extensions.Options;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Recovery;

/// <summary>What <c>pmg retry</c> did with one failed form.</summary>
public enum FormRetryResult
{
    /// <summary>Read and scored this time (it may have become the region's current form).</summary>
    Accepted,

    /// <summary>Read this time, and refused with reasons.</summary>
    Refused,

    /// <summary>The blob was overwritten since: its current version was ingested instead (or already had been).</summary>
    NewerVersion,

    /// <summary>The blob no longer exists.</summary>
    Gone,

    /// <summary>It failed again; it stays failed.</summary>
    StillFailing,
}

/// <summary>One failed form retried.</summary>
/// <param name="BlobName">The blob.</param>
/// <param name="RegionCode">Its region, when the path gives one.</param>
/// <param name="Result">What happened.</param>
/// <param name="IsCurrent">Whether it became the region's current form.</param>
/// <param name="Error">Why it failed again, for <see cref="FormRetryResult.StillFailing"/>.</param>
public sealed record RetriedForm(string BlobName, string? RegionCode, FormRetryResult Result, bool IsCurrent, string? Error);

/// <summary>One failed e-mail sent again (or not).</summary>
/// <param name="Kind">Digest or receipt.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Recipient">The recipients it had.</param>
/// <param name="Result">What happened; null when it could not be sent again (no message kept, see <paramref name="Error"/>).</param>
/// <param name="Error">Why it is still failed.</param>
public sealed record RetriedEmail(NotificationKind Kind, string Subject, string Recipient, ResendResult? Result, string? Error);

/// <summary>Everything one <c>pmg retry</c> did.</summary>
/// <param name="Forms">Failed forms, in the order retried (oldest first).</param>
/// <param name="Emails">Failed e-mails, in the order retried (oldest first).</param>
public sealed record RetryReport(IReadOnlyList<RetriedForm> Forms, IReadOnlyList<RetriedEmail> Emails);

/// <summary>Processes what was recorded as failed once its cause is fixed: failed forms are ingested again, failed e-mails sent again.</summary>
public interface IRetryService
{
    /// <summary>Retries every failed form and e-mail of the filters (null means all), through the idempotent paths the triggers use.</summary>
    Task<RetryReport> RetryAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Failed forms go through <see cref="IIngestionService"/> again (a version that reads now replaces its failure);
/// failed e-mails through <see cref="INotificationService.ResendAsync"/>, so the e-mail ledger still sends each once.
/// </summary>
internal sealed class RetryService(
    ISubmissionLedger ledger,
    IFormStore forms,
    IIngestionService ingestion,
    INotificationService notifications,
    IOptions<PmgOptions> options) : IRetryService
{
    public async Task<RetryReport> RetryAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var configured = service is null ? null : options.Value.FindService(service) ?? service;
        var failedForms = (await ledger.ListProblemsAsync(configured, year, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Outcome == IngestionStatus.Failed)
            .OrderBy(r => r.UploadedAt)
            .ToList();
        var retriedForms = new List<RetriedForm>();
        foreach (var record in failedForms)
        {
            retriedForms.Add(await RetryFormAsync(record, cancellationToken).ConfigureAwait(false));
        }

        var failedEmails = (await notifications.GetFailedAsync(configured, year, cancellationToken).ConfigureAwait(false)).OrderBy(e => e.UpdatedAt).ToList();
        var retriedEmails = new List<RetriedEmail>();
        foreach (var entry in failedEmails)
        {
            var json = entry.Message ?? await RebuildReceiptAsync(entry, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                retriedEmails.Add(new RetriedEmail(entry.Kind, entry.Subject, entry.Recipient, null, "No se guardó el mensaje original de este correo (registrado antes de que existiera pmg retry)."));
                continue;
            }

            var (result, error) = await notifications.ResendAsync(entry, json, cancellationToken).ConfigureAwait(false);
            retriedEmails.Add(new RetriedEmail(entry.Kind, entry.Subject, entry.Recipient, result, error));
        }

        return new RetryReport(retriedForms, retriedEmails);
    }

    private async Task<RetriedForm> RetryFormAsync(SubmissionRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var incoming = await forms.OpenAsync(record.BlobName, cancellationToken).ConfigureAwait(false);
            if (incoming is null)
            {
                return new RetriedForm(record.BlobName, record.RegionCode, FormRetryResult.Gone, false, null);
            }

            await using (incoming.Content.ConfigureAwait(false))
            {
                var outcome = await ingestion.IngestAsync(incoming, cancellationToken).ConfigureAwait(false);
                var result = incoming.Version != record.BlobVersion
                    ? FormRetryResult.NewerVersion
                    : outcome.Status == IngestionStatus.Accepted ? FormRetryResult.Accepted : FormRetryResult.Refused;
                return new RetriedForm(record.BlobName, record.RegionCode, result, outcome.IsCurrent, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What made it fail (a reader bug, storage refusing the identity) may still be there: say so, go on.
            return new RetriedForm(record.BlobName, record.RegionCode, FormRetryResult.StillFailing, false, e.Message);
        }
    }

    /// <summary>A receipt recorded before e-mails kept their message: rebuilt from its upload's record.</summary>
    private async Task<string?> RebuildReceiptAsync(NotificationEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Kind != NotificationKind.Receipt)
        {
            return null;
        }

        var id = entry.SourceId.Split('|')[0];
        var record = await ledger.FindAsync(SubmissionKeys.Partition(entry.Service is SubmissionKeys.UnparsedPartition ? null : entry.Service, entry.Year), id, cancellationToken).ConfigureAwait(false);
        return record is null ? null : ReceiptJson.Serialize(SubmissionReceipts.From(record));
    }
}
