using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Cli;
using Pmg.Domain.Reading;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// The form reader of validate and report comes from the same chain as the storage commands' services. The chain is
// built only when a command first reads a form: `pmg --help` or a usage error pays nothing for it (start-up time,
// BENCHMARKS.md), and nothing in it connects until used, so offline commands need no storage configured.
var services = new Lazy<ServiceProvider>(() => StorageConnection.BuildServices(new ConfigurationBuilder().AddEnvironmentVariables().Build()));
try
{
    var reader = new DeferredFormReader(() => services.Value.GetRequiredService<IFormReader>());
    var environment = new CliEnvironment(AnsiConsole.Console, Console.Out, Console.Error, reader);
    return await PmgCommandLine.RunAsync(args, environment, cancellation.Token);
}
finally
{
    if (services.IsValueCreated)
    {
        await services.Value.DisposeAsync();
    }
}
