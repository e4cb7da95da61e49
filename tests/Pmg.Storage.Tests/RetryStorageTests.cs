using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Recovery;
using Pmg.Pipeline.Status;
using Pmg.Testing;

namespace Pmg.Storage.Tests;

/// <summary>`pmg retry` on Azurite: failed forms ingested again, failed e-mails sent again, each once.</summary>
public sealed class RetryStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RetryAsync_FormRecordedFailed_AcceptedCurrentAndListedOnce()
    {
        await using var world = await StorageWorld.CreateAsync(azurite, PickupSettings(out var mail));
        var services = world.Services;
        var blob = world.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx");
        var etag = (await blob.UploadAsync(new BinaryData(Samples.Form("cierre-2009-CL-TA.docx")))).Value.ETag.ToString();
        await services.GetRequiredService<IIngestionService>().RecordFailureAsync(blob.Name, etag, "el lector falló");

        var report = await services.GetRequiredService<IRetryService>().RetryAsync("SERNAM", 2009);

        var form = Assert.Single(report.Forms);
        Assert.Equal((FormRetryResult.Accepted, true), (form.Result, form.IsCurrent));
        var status = await services.GetRequiredService<IStatusService>().GetAsync("SERNAM", 2009);
        Assert.Empty(status.Problems);
        Assert.Equal("Tarapacá", Assert.Single(Assert.Single(status.ServiceYears).Regions).Region.Name);
        var history = await world.Services.GetRequiredService<ISubmissionLedger>().ListAsync("SERNAM", 2009);
        Assert.Equal(IngestionStatus.Accepted, Assert.Single(history).Outcome);
        Assert.Empty((await services.GetRequiredService<IRetryService>().RetryAsync("SERNAM", 2009)).Forms);
        Assert.False(Directory.Exists(mail)); // the receipt is queued; the queue trigger sends it, not pmg retry
    }

    [Fact]
    public async Task RetryAsync_ReceiptRecordedFailed_SentOnceAndNoLongerFailed()
    {
        await using var world = await StorageWorld.CreateAsync(azurite, PickupSettings(out var mail));
        var services = world.Services;
        var receipt = new Receipt("abc123", "SERNAM/2009/CL-VS/cierre.xlsx", "SERNAM", 2009, "CL-VS", "accepted", 0, [], "ana@sernam.cl");
        var notifications = services.GetRequiredService<INotificationService>();
        await notifications.RecordFailureAsync(NotificationKind.Receipt, ReceiptJson.Serialize(receipt), "SendGrid 401");

        var first = await services.GetRequiredService<IRetryService>().RetryAsync();
        var second = await services.GetRequiredService<IRetryService>().RetryAsync();

        var email = Assert.Single(first.Emails);
        Assert.Equal((ResendResult.Sent, "ana@sernam.cl"), (email.Result!.Value, email.Recipient));
        Assert.Empty(second.Emails);
        Assert.Single(Directory.GetFiles(mail, "*.eml"));
        Assert.Empty((await services.GetRequiredService<IStatusService>().GetAsync()).FailedNotifications);
        Directory.Delete(mail, recursive: true);
    }

    private static Dictionary<string, string?> PickupSettings(out string mail)
    {
        mail = Path.Combine(Path.GetTempPath(), "pmg-retry-" + Guid.NewGuid().ToString("N"));
        return new Dictionary<string, string?> { ["Notifications:PickupDirectory"] = mail };
    }
}
