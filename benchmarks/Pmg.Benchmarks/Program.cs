using BenchmarkDotNet.Running;

if (args is ["--ratios", ..])
{
    // Interleaved best-of timings: on a shared, loaded machine the floor and the reader are measured in the same
    // moments, so their ratio holds even when absolute times do not (see BENCHMARKS.md).
    Pmg.Benchmarks.InterleavedRatios.Run();
    return 0;
}

if (args is ["--status", ..])
{
    // pmg status on Azurite: storage requests and time for 1 and 4 services × 16 regions (see BENCHMARKS.md).
    return await Pmg.Benchmarks.Status.StatusBenchmark.RunAsync();
}

if (args is ["--dashboard", ..])
{
    // The portal's coordinator dashboard for 4 services × 16 regions on Azurite: p95 time and page weight (see BENCHMARKS.md).
    return await Pmg.Benchmarks.Portal.DashboardBenchmark.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Pmg.Benchmarks.FormReadingBenchmarks).Assembly).Run(args);
return 0;
