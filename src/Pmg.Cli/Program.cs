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

// The form reader of validate and report comes from the same chain as the storage commands' services (nothing in it
// connects until used, so offline commands need no storage configured).
await using var services = StorageConnection.BuildServices(new ConfigurationBuilder().AddEnvironmentVariables().Build());
var environment = new CliEnvironment(AnsiConsole.Console, Console.Out, Console.Error, services.GetRequiredService<IFormReader>());
return await PmgCommandLine.RunAsync(args, environment, cancellation.Token);
