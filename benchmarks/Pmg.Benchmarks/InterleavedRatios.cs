using System.Diagnostics;

namespace Pmg.Benchmarks;

/// <summary>
/// Times the floor, the vetted inspection, inspection plus layout, and the whole reader in interleaved rounds and
/// prints each one's best and mean per-call time and its ratio to the floor, plus exact allocations per call.
/// </summary>
internal static class InterleavedRatios
{
    private const int Rounds = 60;
    private const int WarmUpRounds = 5;
    private const int CallsPerRound = 10;

    public static void Run()
    {
        var benchmarks = new FormReadingBenchmarks();
        benchmarks.Setup();
        Report("Word (tarapaca-2009-etapa3.docx)", [
            ("floor", () => benchmarks.WordFloor()),
            ("vet", () => benchmarks.VetWordForm()),
            ("layout", () => benchmarks.LayoutWordForm()),
            ("read", () => benchmarks.ReadWordForm().GetAwaiter().GetResult()),
        ]);
        Report("Excel (tarapaca-2009-etapa3.xlsx)", [
            ("floor", () => benchmarks.ExcelFloor()),
            ("vet", () => benchmarks.VetExcelForm()),
            ("layout", () => benchmarks.LayoutExcelForm()),
            ("read", () => benchmarks.ReadExcelForm().GetAwaiter().GetResult()),
        ]);
    }

    private static void Report(string title, (string Name, Action Call)[] stages)
    {
        var best = new double[stages.Length];
        var total = new double[stages.Length];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            for (var stage = 0; stage < stages.Length; stage++)
            {
                var watch = Stopwatch.StartNew();
                for (var call = 0; call < CallsPerRound; call++)
                {
                    stages[stage].Call();
                }

                var microseconds = watch.Elapsed.TotalMicroseconds / CallsPerRound;
                if (round >= WarmUpRounds)
                {
                    best[stage] = Math.Min(best[stage], microseconds);
                    total[stage] += microseconds;
                }
            }
        }

        Console.WriteLine(title);
        for (var stage = 0; stage < stages.Length; stage++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var call = 0; call < CallsPerRound; call++)
            {
                stages[stage].Call();
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / CallsPerRound / 1024.0;
            var mean = total[stage] / (Rounds - WarmUpRounds);
            Console.WriteLine(
                $"  {stages[stage].Name,-7} best {best[stage],8:F0} us ({best[stage] / best[0],5:F2}x floor)   mean {mean,8:F0} us ({mean / (total[0] / (Rounds - WarmUpRounds)),5:F2}x)   allocated {allocated,8:F1} KB");
        }
    }
}
