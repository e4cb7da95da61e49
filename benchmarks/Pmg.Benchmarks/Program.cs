using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Pmg.Benchmarks.FormReadingBenchmarks).Assembly).Run(args);
