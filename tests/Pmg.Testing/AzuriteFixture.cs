using Xunit;

namespace Pmg.Testing;

/// <summary>
/// The storage emulator shared by every test class: the connection string in PMG_TEST_STORAGE (test.sh starts
/// Azurite and sets it), or else one Azurite started through eng/azurite.sh for this test run and stopped at exit.
/// Each test then works in its own tables, containers and queues (<see cref="StorageTestContext"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The environment variable test.sh sets to the emulator's connection string.</summary>
    public const string Variable = "PMG_TEST_STORAGE";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _sharedConnection;

    /// <summary>The emulator's connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _sharedConnection ??= Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : await StartAzuriteAsync();
            ConnectionString = _sharedConnection;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> StartAzuriteAsync()
    {
        var state = Directory.CreateTempSubdirectory("pmg-azurite-tests.").FullName;
        var connection = await AzuriteScript.RunAsync("start", state);

        // Stop the emulator when the test process ends, whichever way the run finishes.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                AzuriteScript.RunAsync("stop", state).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }

            Directory.Delete(state, recursive: true);
        };
        return connection;
    }
}
