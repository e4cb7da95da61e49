using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pmg.Cli;
using Pmg.Domain.Regions;
using Pmg.Forms;
using Spectre.Console;

namespace Pmg.Benchmarks.Status;

/// <summary>
/// `pmg status --json` over 1 and 4 services × 16 regions (2019) on Azurite: storage requests (table reads apart) and
/// time per call, the command run in-process exactly as a coordinator runs it. Needs PMG_TEST_STORAGE:
/// <c>eng/azurite.sh run -- dotnet benchmarks/Pmg.Benchmarks/bin/Release/net10.0/Pmg.Benchmarks.dll --status</c>.
/// </summary>
internal static class StatusBenchmark
{
    private const int Runs = 15;
    private static readonly string[] ServiceNames = ["SERNAM", "SENAME", "INJUV", "FOSIS"];

    public static async Task<int> RunAsync()
    {
        var connection = Environment.GetEnvironmentVariable("PMG_TEST_STORAGE");
        if (string.IsNullOrEmpty(connection))
        {
            await Console.Error.WriteLineAsync("PMG_TEST_STORAGE is not set: run through eng/azurite.sh run -- …");
            return 2;
        }

        using var listener = new StorageRequestListener(TableEndpoint(connection));
        Console.WriteLine("| services × regions | table reads | other requests | median time | fastest | slowest |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var count in new[] { 1, 4 })
        {
            var names = ServiceNames.Take(count).ToArray();
            var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
            await StatusWorld.SeedAsync(connection, prefix, names);
            Environment.SetEnvironmentVariable("Pmg__Services", string.Join(",", names));
            string[] args = ["status", "--json", "--connection-string", connection, "--storage-prefix", prefix];

            // One warm-up call (JIT, first connections), which also checks the answer is the whole world.
            var warm = await RunCliAsync(args);
            using (var json = JsonDocument.Parse(warm))
            {
                var regions = json.RootElement.GetProperty("serviceYears").EnumerateArray().Sum(s => s.GetProperty("regions").GetArrayLength());
                if (regions != count * RegionCatalog.ExistingIn(StatusWorld.Year).Count)
                {
                    throw new InvalidOperationException($"pmg status listed {regions} regions.");
                }
            }

            var times = new List<double>();
            long reads = 0, other = 0;
            for (var run = 0; run < Runs; run++)
            {
                listener.Reset();
                var clock = Stopwatch.StartNew();
                await RunCliAsync(args);
                times.Add(clock.Elapsed.TotalMilliseconds);
                (reads, other) = (listener.TableReads, listener.Other);
            }

            times.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {count} × 16 | {reads} | {other} | {times[times.Count / 2]:0} ms | {times[0]:0} ms | {times[^1]:0} ms |"));
        }

        return 0;
    }

    private static async Task<string> RunCliAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Interactive = InteractionSupport.No });
        var exitCode = await PmgCommandLine.RunAsync(args, new CliEnvironment(console, stdout, stderr, new FormReader()));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pmg status exited {exitCode}: {stderr}");
        }

        return stdout.ToString();
    }

    private static Uri TableEndpoint(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("TableEndpoint", StringComparison.OrdinalIgnoreCase))
            .Select(pair => new Uri(pair[1]))
            .FirstOrDefault()
        ?? new Uri("http://127.0.0.1:10002/devstoreaccount1");
}
