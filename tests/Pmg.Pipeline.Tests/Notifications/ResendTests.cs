using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Tests.Notifications;

/// <summary>pmg retry's re-sending: from the message the ledger kept, through the ledger, so each e-mail goes once.</summary>
public sealed class ResendTests
{
    [Fact]
    public async Task ResendAsync_PoisonedDigest_SentOnceFromTheKeptMessage()
    {
        var harness = new NotificationHarness();
        await harness.Service.RecordFailureAsync(NotificationKind.Digest, AlertDigestJson.Serialize(NotificationHarness.Digest()), "SendGrid 401");
        var failed = Assert.Single(await harness.Service.GetFailedAsync());

        var first = await harness.Service.ResendAsync(failed, failed.Message!);
        var second = await harness.Service.ResendAsync(failed, failed.Message!);

        Assert.Equal((ResendResult.Sent, ResendResult.AlreadySent), (first.Result, second.Result));
        var mail = Assert.Single(harness.Sender.Sent);
        Assert.Equal("[PMG GT 2009] Tarapacá: 1 actividad en riesgo en III.2 — cerrado el 31-01-2010 (Profesional de apoyo)", mail.Subject);
        Assert.Empty(await harness.Service.GetFailedAsync());
    }

    [Fact]
    public async Task ResendAsync_SenderStillFailing_StaysFailedWithTheNewError()
    {
        var harness = new NotificationHarness();
        await harness.Service.RecordFailureAsync(NotificationKind.Digest, AlertDigestJson.Serialize(NotificationHarness.Digest()), "SendGrid 401");
        var failed = Assert.Single(await harness.Service.GetFailedAsync());
        harness.Sender.FailNext = 1;

        var (result, error) = await harness.Service.ResendAsync(failed, failed.Message!);

        Assert.Equal((ResendResult.Failed, "SendGrid answered 503."), (result, error));
        Assert.Equal("Reintento fallido: SendGrid answered 503.", Assert.Single(await harness.Service.GetFailedAsync()).Error);
        Assert.Empty(harness.Sender.Sent);
    }

    [Fact]
    public async Task SendReceiptAsync_FailedThenAcceptedOnRetry_TwoDistinctEmails()
    {
        var harness = new NotificationHarness();
        var failed = new Receipt("s1", "SERNAM/2009/CL-TA/f.docx", "SERNAM", 2009, "CL-TA", "failed", 0, ["No se pudo procesar"], "ana@sernam.cl");

        await harness.Service.SendReceiptAsync(failed);
        await harness.Service.SendReceiptAsync(failed with { Outcome = "accepted", Reasons = [] });

        Assert.Equal(2, harness.Sender.Sent.Count);
    }
}
