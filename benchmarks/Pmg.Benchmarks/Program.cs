using BenchmarkDotNet.Running;

if (args is ["--ratios", ..])
{
    // Interleaved best-of timings: on a shared, loaded machine the floor and the reader are measured in the same
    // moments, so their ratio holds even when absolute times do not (see BENCHMARKS.md).
    Pmg.Benchmarks.InterleavedRatios.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Pmg.Benchmarks.FormReadingBenchmarks).Assembly).Run(args);
