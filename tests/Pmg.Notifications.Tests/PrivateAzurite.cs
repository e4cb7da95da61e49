using System.Diagnostics;
using Pmg.Storage.Tests;

namespace Pmg.Notifications.Tests;

/// <summary>
/// An Azurite of its own for the local-host test: the host's triggers use the fixed queue names <c>alerts</c> and
/// <c>receipts</c>, so sharing the run's emulator with other hosts would let them take this test's messages.
/// </summary>
public sealed class PrivateAzurite : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("pmg-notify-azurite.").FullName;

    /// <summary>The emulator's connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (exitCode, output, error) = await RunAsync("start");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"eng/azurite.sh start failed ({exitCode}): {error}");
        }

        ConnectionString = output.Trim().Split('\n')[^1].Trim();
    }

    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        Directory.Delete(_state, recursive: true);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string verb)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Samples.RepositoryRoot, "eng", "azurite.sh"));
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(_state);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
