using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Pmg.Benchmarks.Portal;

/// <summary>The portal's targets are percentiles of server time: show P95 and the maximum beside the mean.</summary>
public sealed class PortalBenchmarkConfig : ManualConfig
{
    public PortalBenchmarkConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
}
