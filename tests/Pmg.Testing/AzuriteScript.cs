using System.Diagnostics;

namespace Pmg.Testing;

/// <summary>Runs the repository's eng/azurite.sh, as the test fixtures start, stop and restart their emulators.</summary>
public static class AzuriteScript
{
    /// <summary>
    /// Runs <c>eng/azurite.sh ARGUMENTS</c> and returns the last line it printed (for <c>start</c>, the connection
    /// string); a non-zero exit throws with what it wrote to standard error.
    /// </summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Samples.RepositoryRoot, "eng", "azurite.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/azurite.sh {arguments[0]} failed ({process.ExitCode}): {await error}");
        }

        return (await output).Trim().Split('\n')[^1].Trim();
    }
}
