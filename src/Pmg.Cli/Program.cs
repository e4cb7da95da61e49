using System.Globalization;
using Pmg.Cli;
using Pmg.Forms;
using Spectre.Console;

// System.CommandLine ships Spanish messages; people using pmg read Spanish.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("es-CL");
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-CL");

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var environment = new CliEnvironment(AnsiConsole.Console, Console.Out, Console.Error, new FormReader());
return await PmgCommandLine.RunAsync(args, environment, cancellation.Token);
