using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Compliance;

namespace Pmg.Functions.Tests;

/// <summary>Records what the functions hand to the pipeline, copying the content before the caller disposes it.</summary>
internal sealed class RecordingIngestionService : IIngestionService
{
    public List<(IncomingBlob Blob, byte[] Content, CancellationToken Token)> Ingested { get; } = [];

    public List<(string BlobName, string Version, string Reason, CancellationToken Token)> Failures { get; } = [];

    public IngestionStatus StatusToReturn { get; init; } = IngestionStatus.Accepted;

    public async Task<IngestionOutcome> IngestAsync(IncomingBlob blob, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await blob.Content.CopyToAsync(copy, cancellationToken);
        Ingested.Add((blob, copy.ToArray(), cancellationToken));
        return new IngestionOutcome(StatusToReturn, SubmissionKeys.SubmissionId(blob.Name, blob.Version), blob.Name, []);
    }

    public Task<IngestionOutcome> RecordFailureAsync(string blobName, string version, string reason, CancellationToken cancellationToken = default)
    {
        Failures.Add((blobName, version, reason, cancellationToken));
        return Task.FromResult(new IngestionOutcome(IngestionStatus.Failed, SubmissionKeys.SubmissionId(blobName, version), blobName, []));
    }
}

/// <summary>A blob client whose download returns fixed bytes, ETag, metadata and Last-Modified, and remembers its token.</summary>
internal sealed class FakeBlobClient(string blobName, byte[] content, string eTag, IDictionary<string, string> metadata, DateTimeOffset lastModified)
    : BlobClient(new Uri("http://127.0.0.1:10000/devstoreaccount1/forms/" + blobName))
{
    public CancellationToken? DownloadToken { get; private set; }

    public TrackingStream? Opened { get; private set; }

    public RequestFailedException? Failure { get; init; }

    public override Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(
        BlobDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DownloadToken = cancellationToken;
        if (Failure is not null)
        {
            throw Failure;
        }

        Opened = new TrackingStream(content);
        var details = BlobsModelFactory.BlobDownloadDetails(lastModified: lastModified, metadata: metadata, eTag: new ETag(eTag));
        var result = BlobsModelFactory.BlobDownloadStreamingResult(Opened, details);
        return Task.FromResult(Response.FromValue(result, new EmptyResponse()));
    }
}

/// <summary>A memory stream that tells whether it was disposed.</summary>
internal sealed class TrackingStream(byte[] content) : MemoryStream(content)
{
    public bool Disposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>The raw response nobody reads.</summary>
internal sealed class EmptyResponse : Response
{
    public override int Status => 200;

    public override string ReasonPhrase => "OK";

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = "";

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}

/// <summary>Records what the notification functions hand to the pipeline, and answers with a fixed outcome.</summary>
internal sealed class RecordingNotificationService : INotificationService
{
    public List<(string Operation, string Json, CancellationToken Token)> Sent { get; } = [];

    public List<(NotificationKind Kind, string Json, string Reason, CancellationToken Token)> Failures { get; } = [];

    public NotificationOutcome OutcomeToReturn { get; init; } = new(Sent: 1, AlreadySent: 0, Unaddressed: 0);

    public Task<NotificationOutcome> SendDigestAsync(string json, CancellationToken cancellationToken = default)
    {
        Sent.Add(("digest", json, cancellationToken));
        return Task.FromResult(OutcomeToReturn);
    }

    public Task<NotificationOutcome> SendDigestAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The functions hand the queue message's JSON to the service.");

    public Task<NotificationOutcome> SendReceiptAsync(string json, CancellationToken cancellationToken = default)
    {
        Sent.Add(("receipt", json, cancellationToken));
        return Task.FromResult(OutcomeToReturn);
    }

    public Task<NotificationOutcome> SendReceiptAsync(Receipt receipt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The functions hand the queue message's JSON to the service.");

    public Task RecordFailureAsync(NotificationKind kind, string json, string reason, CancellationToken cancellationToken = default)
    {
        Failures.Add((kind, json, reason, cancellationToken));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationEntry>> GetFailedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("No function reads failed notifications.");

    public Task<(ResendResult Result, string? Error)> ResendAsync(NotificationEntry failed, string json, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("No function re-sends e-mails: pmg retry does.");
}

/// <summary>Records each recalculation the timer asks for, and answers with a summary of no service-years.</summary>
internal sealed class RecordingComplianceService : IComplianceService
{
    public List<(string? Service, int? Year, CancellationToken Token)> Runs { get; } = [];

    public Task<RecalculationSummary> RecalculateAsync(string? service = null, int? year = null, IProgress<RecalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Runs.Add((service, year, cancellationToken));
        return Task.FromResult(new RecalculationSummary([]));
    }
}

/// <summary>Records each sweep the timer asks for (with the minimum age it asks) and answers with the outcomes it was given.</summary>
internal sealed class RecordingReconciliationService(params IngestionOutcome[] outcomes) : IReconciliationService
{
    public List<(TimeSpan MinimumAge, CancellationToken Token)> Sweeps { get; } = [];

    public Task<IReadOnlyList<UnprocessedForm>> FindUnprocessedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The timer sweeps; it never only lists.");

    public Task<ReconciliationResult> SweepAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        SweepAsync(service, year, TimeSpan.Zero, cancellationToken);

    public Task<ReconciliationResult> SweepAsync(string? service, int? year, TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        Sweeps.Add((minimumAge, cancellationToken));
        return Task.FromResult(new ReconciliationResult(outcomes.Length, outcomes));
    }
}

/// <summary>Answers with fixed poison queue lengths, or fails like storage does.</summary>
internal sealed class FixedPoisonQueueGauge(params Pmg.Storage.PoisonQueueLength[] lengths) : Pmg.Storage.IPoisonQueueGauge
{
    public bool Fail { get; init; }

    public Task<IReadOnlyList<Pmg.Storage.PoisonQueueLength>> MeasureAsync(CancellationToken cancellationToken = default) =>
        Fail ? throw new RequestFailedException(503, "Server busy") : Task.FromResult<IReadOnlyList<Pmg.Storage.PoisonQueueLength>>(lengths);
}
