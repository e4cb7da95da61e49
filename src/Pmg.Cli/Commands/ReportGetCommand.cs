using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Pipeline;
using Pmg.Pipeline.Compliance;
using Spectre.Console;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg report get --service S --year N [--name FILE] [-o OUT]`: downloads a consolidated workbook the recalculation
/// stored (<see cref="IReportStore"/>, container <c>reports</c>): the most recent, or the one named.
/// </summary>
internal static class ReportGetCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "get";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Descarga el libro consolidado que guardó el recálculo: el más reciente o el indicado.";

    /// <summary>The copy of the newest workbook the recalculation keeps beside the timestamped ones.</summary>
    private const string Latest = "latest.xlsx";

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service") { HelpName = "SERVICIO", Description = "Servicio del informe (p. ej. SERNAM).", Required = true };
        var year = new Option<int>("--year") { HelpName = "AÑO", Description = "Año del informe (p. ej. 2009).", Required = true };
        var name = new Option<string?>("--name") { HelpName = "ARCHIVO", Description = "Un libro anterior por su nombre (cumplimiento-AAAAMMDDTHHMMSSZ.xlsx); por omisión, el más reciente." };
        var output = new Option<string?>("--output", "-o") { HelpName = "SALIDA.xlsx", Description = "Dónde guardarlo (por omisión, SERVICIO-AÑO-nombre en la carpeta actual)." };
        var connection = new StorageConnection();

        var command = new Command(Name, Description)
        {
            service,
            year,
            name,
            output,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(year) is var y && y is < 1000 or > 9999)
            {
                result.AddError($"el año «{y}» no es válido; use cuatro dígitos, p. ej. 2009.");
            }

            if (string.IsNullOrWhiteSpace(result.GetValue(service)))
            {
                result.AddError("--service está vacío.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            connection.BuildConfiguration(parseResult),
            parseResult.GetRequiredValue(service).Trim(),
            parseResult.GetValue(year),
            parseResult.GetValue(name)?.Trim(),
            parseResult.GetValue(output),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliEnvironment environment, IConfiguration configuration, string service, int year, string? name, string? output, CancellationToken cancellationToken)
    {
        var services = StorageConnection.BuildServices(configuration);
        await using (services.ConfigureAwait(false))
        {
            var store = services.GetRequiredService<IReportStore>();
            IReadOnlyList<StoredReport> reports;
            try
            {
                reports = await store.ListAsync(service, year, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                return await StorageConnection.FailAsync(environment, "No se pudieron leer los informes", exception, cancellationToken).ConfigureAwait(false);
            }

            var label = string.Create(CultureInfo.InvariantCulture, $"{service} {year}");
            if (reports.Count == 0)
            {
                await environment.Error.WriteLineAsync(
                    $"No hay libros consolidados de {label}: el recálculo los escribe («pmg recalc --service {service} --year {year.ToString(CultureInfo.InvariantCulture)}»).".AsMemory(),
                    cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.FormErrors;
            }

            // latest.xlsx is a copy of the newest: name the download after the timestamped original.
            var timestamped = reports.Where(r => !string.Equals(r.FileName, Latest, StringComparison.OrdinalIgnoreCase)).OrderByDescending(r => r.FileName, StringComparer.Ordinal).ToList();
            var chosen = name is null
                ? timestamped.FirstOrDefault() ?? reports[0]
                : reports.FirstOrDefault(r => string.Equals(r.FileName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                await environment.Error.WriteLineAsync(
                    $"No hay un libro «{name}» de {label}. Hay: {string.Join(", ", timestamped.Select(r => r.FileName))}.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.FormErrors;
            }

            var path = output ?? string.Create(CultureInfo.InvariantCulture, $"{service}-{year}-{chosen.FileName}");
            try
            {
                var content = await store.OpenAsync(chosen.Name, cancellationToken).ConfigureAwait(false);
                if (content is null)
                {
                    await environment.Error.WriteLineAsync($"El libro «{chosen.FileName}» dejó de existir mientras se descargaba; vuelva a intentarlo.".AsMemory(), cancellationToken).ConfigureAwait(false);
                    return PmgCommandLine.FormErrors;
                }

                await using (content.ConfigureAwait(false))
                {
                    var file = File.Create(path);
                    await using (file.ConfigureAwait(false))
                    {
                        await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && !File.Exists(path))
            {
                await environment.Error.WriteLineAsync(
                    $"Uso incorrecto: no se pudo escribir «{path}» (¿existe la carpeta y hay permiso de escritura?).".AsMemory(), cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.UsageError;
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                return await StorageConnection.FailAsync(environment, "No se pudo descargar el libro", exception, cancellationToken).ConfigureAwait(false);
            }

            var zone = services.GetRequiredService<IOptions<PmgOptions>>().Value.Zone();
            var written = TimeZoneInfo.ConvertTime(chosen.LastModified, zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
            environment.Console.WriteLine($"Libro consolidado de {label} guardado en {path}");
            environment.Console.WriteLine($"({chosen.FileName}, escrito el {written}, hora de Chile)");
            return PmgCommandLine.Success;
        }
    }
}
