using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Cli.Output;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Status;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg status [--service S] [--year N] [--json]`: what the pipeline recorded — per service and year, each region's
/// current form with its programme results and activities at risk, the national result per programme, refused and
/// failed uploads with their reasons, and e-mails that could not be sent. It renders the pipeline's status read model
/// (<see cref="IStatusService"/>), the same the portal serves.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Solo este servicio (p. ej. SERNAM)." };
        var year = new Option<int?>("--year") { HelpName = "AÑO", Description = "Solo este año (p. ej. 2009)." };
        var json = new Option<bool>("--json") { Description = "Escribe el estado en JSON en la salida estándar." };
        var connection = new StorageConnection();

        var command = new Command("status", "Estado de los formularios recibidos: regiones, programas, resultado nacional, rechazos y fallas.")
        {
            service,
            year,
            json,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(year) is { } y && y is < 1000 or > 9999)
            {
                result.AddError($"el año «{y}» no es válido; use cuatro dígitos, p. ej. 2009.");
            }

            if (result.GetValue(service) is { } s && string.IsNullOrWhiteSpace(s))
            {
                result.AddError("--service está vacío.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            connection.BuildConfiguration(parseResult),
            parseResult.GetValue(service)?.Trim(),
            parseResult.GetValue(year),
            parseResult.GetValue(json),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, IConfiguration configuration, string? service, int? year, bool json, CancellationToken cancellationToken)
    {
        var services = StorageConnection.BuildServices(configuration);
        await using (services.ConfigureAwait(false))
        {
            StatusReport status;
            try
            {
                status = await services.GetRequiredService<IStatusService>().GetAsync(service, year, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                await environment.Error.WriteLineAsync($"No se pudo leer el estado: {StorageConnection.Describe(exception)}.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.FormErrors;
            }

            if (json)
            {
                await JsonOutput.WriteAsync(environment.Out, status, PmgJson.Contracts.StatusReport, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                StatusOutput.Write(environment.Console, status, services.GetRequiredService<TimeProvider>().LocalTimeZone);
            }

            return PmgCommandLine.Success;
        }
    }
}
