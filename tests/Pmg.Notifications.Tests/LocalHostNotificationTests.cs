using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Pmg.LocalHost;
using Pmg.Pipeline;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Recalculation;
using Pmg.Storage.Tests;

namespace Pmg.Notifications.Tests;

/// <summary>End to end on Azurite through the local host: upload, ingestion, recalculation, e-mails in the pickup folder.</summary>
public sealed class LocalHostNotificationTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>, IDisposable
{
    private const string Uploader = "maria.perez@example.org";
    private readonly DirectoryInfo _pickup = Directory.CreateTempSubdirectory("pmg-notify-e2e.");

    public void Dispose() => _pickup.Delete(recursive: true);

    [Fact]
    public async Task Recalculate_FailingYearEndForm_OneDigestPerUnitAndOneReceipt()
    {
        using var host = LocalHostBuilder.Create([])
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["PmgStorage"] = azurite.ConnectionString,
                ["Pmg:Services"] = "SERNAM",
                ["Pmg:RecalculationSchedule"] = "0 0 0 1 1 *",
                ["SendGrid:ApiKey"] = "",
                ["Notifications:PickupDirectory"] = _pickup.FullName,
            }))
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services => services.Configure<QueuesOptions>(options =>
            {
                options.MaxPollingInterval = TimeSpan.FromMilliseconds(500);
                options.VisibilityTimeout = TimeSpan.Zero;
            }))
            .Build();
        await host.StartAsync();
        using var sample = File.OpenRead(Path.Combine(Samples.RepositoryRoot, "samples", "contacts", "sernam-contactos.csv"));
        await host.Services.GetRequiredService<IContactDirectory>().SaveAsync(ContactFileReader.Read(sample, "sernam-contactos.csv").Contacts);

        var forms = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("forms");
        const string name = "SERNAM/2009/CL-VS/cierre-2009-CL-VS.docx";
        var uploaded = (await forms.GetBlobClient(name).UploadAsync(
            new BinaryData(Samples.Form("cierre-2009-CL-VS.docx")),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["uploader"] = Uploader } })).Value;
        await WaitAsync(async () => await host.Services.GetRequiredService<ISubmissionLedger>()
            .FindAsync(SubmissionKeys.Partition("SERNAM", 2009), SubmissionKeys.SubmissionId(name, uploaded.ETag.ToString())) is { Completed: true });

        var summary = await host.Services.GetRequiredService<IComplianceService>().RecalculateAsync("SERNAM", 2009);
        var units = summary.Results.Single().AtRisk.Select(a => a.Unit).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var expected = units.Length + 3; // the units' digests, the director's, the coordinator's, and the receipt
        await WaitAsync(() => Task.FromResult(_pickup.GetFiles("*.eml").Length >= expected));
        await host.StopAsync();

        var mails = new List<MimeMessage>();
        foreach (var file in _pickup.GetFiles("*.eml"))
        {
            mails.Add(await MimeMessage.LoadAsync(file.FullName));
        }

        Assert.NotEmpty(units);
        Assert.Equal(expected, mails.Count);
        var receipt = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == Uploader));
        Assert.StartsWith("[PMG GT 2009] Valparaíso: formulario aceptado", receipt.Subject, StringComparison.Ordinal);
        foreach (var unit in units)
        {
            var digest = Assert.Single(mails, m => (m.Subject ?? "").EndsWith("(" + unit + ")", StringComparison.Ordinal)
                || (m.Subject ?? "").EndsWith("(para " + unit + ", unidad sin contacto)", StringComparison.Ordinal));
            Assert.StartsWith("[PMG GT 2009] Valparaíso: ", digest.Subject, StringComparison.Ordinal);
            Assert.Contains("Resultado de la región de Valparaíso por programa", digest.TextBody ?? "", StringComparison.Ordinal);
            Assert.Contains("III.1 Gestión Territorial: 88,00 % — NO CUMPLE", digest.TextBody ?? "", StringComparison.Ordinal);
        }

        Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == "coordinacion.pmg@example.org"));
        Assert.Empty(await host.Services.GetRequiredService<INotificationLedger>().GetFailedAsync("SERNAM", 2009));
        mails.ForEach(m => m.Dispose());
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await done())
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("The local host did not finish within 90 s.");
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }
}
