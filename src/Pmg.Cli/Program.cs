using Pmg.Cli;
using Pmg.Forms;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var environment = new CliEnvironment(AnsiConsole.Console, Console.Out, Console.Error, new FormReader());
return await PmgCommandLine.RunAsync(args, environment, cancellation.Token);
