using BenchmarkDotNet.Attributes;

namespace Pmg.Benchmarks.Portal;

/// <summary>
/// Target of issue 12: the validation of a seed-sized form is on screen ≤ 1 s after the upload finishes. Measured as a
/// browser does it on loopback: POST the seed form (47 KB .docx) to the region's upload route (size check, antiforgery,
/// read and validate, store in Azurite), follow the 303 to the upload page (read the blob back, validate, render).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PortalBenchmarkConfig))]
public class UploadValidationBenchmarks
{
    private PortalHarness _portal = null!;
    private byte[] _seed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = File.ReadAllBytes(FormReadingBenchmarks.SamplePath("tarapaca-2009-etapa3.docx"));
        _portal = PortalHarness.StartAsync("CL-TA").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _portal.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Upload the seed form and receive the page that shows its validation; returns the page's bytes.</summary>
    [Benchmark]
    public Task<int> UploadSeedFormAndShowValidation() => _portal.UploadAndShowAsync("CL-TA", _seed, "tarapaca-2009-etapa3.docx");
}
