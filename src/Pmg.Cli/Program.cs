using Microsoft.Extensions.DependencyInjection;
using Pmg.Cli;
using Pmg.Domain.Reading;
using Pmg.Forms;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// The form reader of validate, report and template --from is the Forms adapter's own registration (AddPmgForms, the
// vetted path every host uses), not the whole application chain: reading a form offline loads no storage, e-mail or
// pipeline assembly, which is most of pmg's start-up (BENCHMARKS.md). It is built only when a command first reads a
// form, so `pmg --help` or a usage error pays nothing for it. Storage commands build the application chain themselves.
var services = new Lazy<ServiceProvider>(() => new ServiceCollection().AddPmgForms().BuildServiceProvider());
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
