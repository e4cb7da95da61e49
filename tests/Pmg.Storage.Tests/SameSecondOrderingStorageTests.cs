using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Storage.Tests;

/// <summary>Two uploads of one region in the same second (Last-Modified has whole seconds) on Azurite.</summary>
public sealed class SameSecondOrderingStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task IngestAsync_TwoUploadsInOneSecondDeliveredLatestFirst_TheLaterUploadIsCurrent()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var form = Samples.Form("cierre-2009-CL-TA.docx");
        var time = context.Services.GetRequiredService<TimeProvider>();

        // Back to back, as pmg upload or the portal write them; tried again in the rare case a second boundary fell between.
        UploadedBlob earlier, later;
        var attempt = 0;
        do
        {
            attempt++;
            earlier = await UploadAsync(context, $"SERNAM/2009/CL-TA/a{attempt}.docx", form, time);
            later = await UploadAsync(context, $"SERNAM/2009/CL-TA/b{attempt}.docx", form, time);
        }
        while (earlier.LastModified != later.LastModified && attempt < 5);
        Assert.Equal(earlier.LastModified, later.LastModified);

        await context.DeliverAsync(later);
        var first = await context.DeliverAsync(earlier);

        Assert.False(first.IsCurrent);
        var current = await context.Services.GetRequiredService<ICurrentSubmissionStore>().GetAsync("SERNAM", 2009, "CL-TA");
        Assert.Equal(later.Name, current!.BlobName);
    }

    private static async Task<UploadedBlob> UploadAsync(StorageTestContext context, string name, byte[] content, TimeProvider time)
    {
        var blob = context.Layout.Forms.GetBlobClient(name);
        var info = (await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = UploadMetadata.For("ana@sernam.cl", time.GetUtcNow()) })).Value;
        return new UploadedBlob(name, info.ETag.ToString(), info.LastModified);
    }
}
