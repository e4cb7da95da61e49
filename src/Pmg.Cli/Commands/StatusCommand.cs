using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Cli.Output;
using Pmg.Pipeline;
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
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "status";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Estado de los formularios recibidos: regiones, programas, resultado nacional, rechazos y fallas.";

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Solo este servicio (p. ej. SERNAM)." };
        var year = CommonOptions.Year("Solo este año (p. ej. 2009).");
        var json = new Option<bool>("--json") { Description = "Escribe el estado en JSON en la salida estándar." };
        var connection = new StorageConnection();

        var command = new Command(Name, Description)
        {
            service,
            year,
            json,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
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
            if (KnownServices.Problem(services, service) is { } unknown)
            {
                await environment.Error.WriteLineAsync($"Uso incorrecto: {unknown}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.UsageError;
            }

            StatusReport status;
            IReadOnlyList<string> otherServices = [];
            try
            {
                var reader = services.GetRequiredService<IStatusService>();
                status = await reader.GetAsync(service, year, cancellationToken).ConfigureAwait(false);
                if (!json && service is not null && status.ServiceYears.Count == 0 && status.Problems.Count == 0)
                {
                    // Nothing under that name: say which services storage does know, so a typo reads as one.
                    var all = await reader.GetAsync(null, year, cancellationToken).ConfigureAwait(false);
                    otherServices = all.ServiceYears.Select(s => s.Service).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
                }
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                return await StorageConnection.FailAsync(environment, "No se pudo leer el estado", exception, cancellationToken).ConfigureAwait(false);
            }

            if (json)
            {
                await JsonOutput.WriteAsync(environment.Out, status, PmgJson.Contracts.StatusReport, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (otherServices.Count > 0)
                {
                    TextLines.Write(environment.Console, $"El servicio «{service}» no tiene formularios registrados; hay formularios de: {string.Join(", ", otherServices)}.");
                }

                // Chile's time (Pmg:TimeZone), whatever the zone of the machine that runs pmg: storage keeps UTC.
                StatusOutput.Write(environment.Console, status, services.GetRequiredService<IOptions<PmgOptions>>().Value.Zone());
            }

            return PmgCommandLine.Success;
        }
    }
}
