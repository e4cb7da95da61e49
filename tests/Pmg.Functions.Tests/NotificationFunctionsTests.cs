using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Pmg.Hosting;
using Pmg.Storage;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Functions.Tests;

public sealed class NotificationFunctionsTests
{
    private const string DigestJson = """{"digestId":"d-1","service":"SERNAM","year":2009}""";
    private const string ReceiptJson = """{"submissionId":"s-1","blobName":"SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx"}""";

    private readonly RecordingNotificationService notifications = new() { OutcomeToReturn = new(Sent: 2, AlreadySent: 1, Unaddressed: 3) };
    private readonly FakeLogger<NotificationTriggerHandler> logger = new();

    [Fact]
    public async Task SendAlertDigest_QueuedDigest_HandsTheJsonToThePipelineAndLogsTheCounts()
    {
        using var cancellation = new CancellationTokenSource();

        await new SendAlertDigest(new NotificationTriggerHandler(notifications, StorageNames.Unprefixed, logger)).RunAsync(DigestJson, cancellation.Token);

        Assert.Equal(("digest", DigestJson, cancellation.Token), Assert.Single(notifications.Sent));
        var record = logger.LatestRecord;
        Assert.Equal(
            (LogLevel.Information, "Message on alerts handled: 2 e-mails sent, 1 already sent, 3 without recipient"),
            (record.Level, record.Message));
    }

    [Fact]
    public async Task SendReceipt_QueuedReceipt_HandsTheJsonToThePipelineAndLogsTheCounts()
    {
        using var cancellation = new CancellationTokenSource();

        await new SendReceipt(new NotificationTriggerHandler(notifications, StorageNames.Unprefixed, logger)).RunAsync(ReceiptJson, cancellation.Token);

        Assert.Equal(("receipt", ReceiptJson, cancellation.Token), Assert.Single(notifications.Sent));
        Assert.Equal("Message on receipts handled: 2 e-mails sent, 1 already sent, 3 without recipient", logger.LatestRecord.Message);
    }

    [Fact]
    public async Task SendAlertDigest_PoisonedDigest_RecordsFailedDigestWithSpanishReasonAndLogsError()
    {
        using var cancellation = new CancellationTokenSource();

        await new SendAlertDigest(new NotificationTriggerHandler(notifications, StorageNames.Unprefixed, logger)).RecordFailureAsync(DigestJson, cancellation.Token);

        Assert.Empty(notifications.Sent);
        Assert.Equal(
            (NotificationKind.Digest, DigestJson,
                "El correo no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en alerts-poison.",
                cancellation.Token),
            Assert.Single(notifications.Failures));
        var record = logger.LatestRecord;
        Assert.Equal(
            (LogLevel.Error, "A message from alerts failed on every delivery; recorded as a failed notification"),
            (record.Level, record.Message));
    }

    [Fact]
    public async Task SendReceipt_PoisonedReceipt_RecordsFailedReceiptWithSpanishReasonAndLogsError()
    {
        using var cancellation = new CancellationTokenSource();

        await new SendReceipt(new NotificationTriggerHandler(notifications, StorageNames.Unprefixed, logger)).RecordFailureAsync(ReceiptJson, cancellation.Token);

        Assert.Empty(notifications.Sent);
        Assert.Equal(
            (NotificationKind.Receipt, ReceiptJson,
                "El comprobante no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en receipts-poison.",
                cancellation.Token),
            Assert.Single(notifications.Failures));
        var record = logger.LatestRecord;
        Assert.Equal(
            (LogLevel.Error, "A message from receipts failed on every delivery; recorded as a failed notification"),
            (record.Level, record.Message));
    }
}
