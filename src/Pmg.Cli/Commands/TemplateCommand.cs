using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Forms.Templates;
using Spectre.Console;
using Region = Pmg.Domain.Regions.Region;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg template --service S --year N --region R [--format docx|xlsx] [--from FILE] -o OUT`: writes the official form
/// of one office, blank or starting from a previous submission, built to prevent the usual mistakes.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Servicio (p. ej. SERNAM); se escribe en el formulario." };
        var year = new Option<string?>("--year") { HelpName = "AÑO", Description = "Año del formulario, cuatro dígitos (p. ej. 2010)." };
        var region = new Option<string?>("--region") { HelpName = "REGIÓN", Description = "Región: código ISO (CL-TA) o nombre (Tarapacá)." };
        var format = new Option<string?>("--format") { HelpName = "docx|xlsx", Description = "Word (docx) o Excel (xlsx); por omisión, según la extensión de la salida." };
        format.AcceptOnlyFromAmong("docx", "xlsx");
        var from = new Option<string?>("--from") { HelpName = "ARCHIVO", Description = "Formulario anterior (.docx/.xlsx): el nuevo parte de sus objetivos, actividades, unidades, medios y ponderaciones, sin cumplimiento." };
        var output = new Option<string?>("--output", "-o") { HelpName = "SALIDA", Description = "Archivo a escribir (.docx o .xlsx)." };

        var command = new Command("template", "Escribe el formulario oficial de una región (en blanco o a partir del anterior), con listas y controles que evitan errores.")
        {
            service,
            year,
            region,
            format,
            from,
            output,
        };
        command.Validators.Add(result => ValidateUsage(result, service, year, region, format, from, output));

        command.SetAction((parseResult, cancellationToken) =>
        {
            RegionCatalog.TryResolve(parseResult.GetValue(region), out var resolved);
            var path = parseResult.GetRequiredValue(output)!;
            var request = new TemplateRequest(
                parseResult.GetRequiredValue(service)!.Trim(),
                int.Parse(parseResult.GetRequiredValue(year)!.Trim(), CultureInfo.InvariantCulture),
                resolved,
                FormatOf(parseResult.GetValue(format), path)!.Value,
                parseResult.GetValue(from),
                path);
            return RunAsync(environment, request, cancellationToken);
        });
        return command;
    }

    private sealed record TemplateRequest(string Service, int Year, Region Region, FormFormat Format, string? From, string Output);

    private static async Task<int> RunAsync(CliEnvironment environment, TemplateRequest request, CancellationToken cancellationToken)
    {
        Submission? previous = null;
        if (request.From is { } fromPath)
        {
            var read = await ReadPreviousAsync(environment, fromPath, cancellationToken).ConfigureAwait(false);
            if (read.Submission is null)
            {
                await environment.Error.WriteLineAsync($"No se pudo leer el formulario anterior «{fromPath}»:".AsMemory(), cancellationToken).ConfigureAwait(false);
                foreach (var diagnostic in read.Diagnostics)
                {
                    await environment.Error.WriteLineAsync($"  {diagnostic.Severity.Spanish()}: {diagnostic.Message} ({diagnostic.Location?.ToString() ?? "documento"})".AsMemory(), cancellationToken).ConfigureAwait(false);
                }

                return PmgCommandLine.FormErrors;
            }

            previous = read.Submission;
            WriteFromNotes(environment.Console, fromPath, read, request.Region);
        }

        var content = FormTemplateWriter.CreateContent(request.Service, request.Year, request.Region, previous);
        try
        {
            var stream = File.Create(request.Output);
            await using (stream.ConfigureAwait(false))
            {
                await new FormTemplateWriter().WriteAsync(content, request.Format, stream, TemplateLayout.RowPerActivity, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await environment.Error.WriteLineAsync(
                $"Uso incorrecto: no se pudo escribir «{request.Output}» (¿existe la carpeta, hay permiso de escritura y el archivo no está abierto?).".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return PmgCommandLine.UsageError;
        }

        var kind = request.Format == FormFormat.Word ? "Word" : "Excel";
        var region = $"{request.Region.Name} ({request.Region.Code})";
        environment.Console.WriteLine(previous is null
            ? $"Formulario en blanco de {request.Service}, {region}, {request.Year} escrito en {request.Output} ({kind})."
            : $"Formulario de {request.Service}, {region}, {request.Year} escrito en {request.Output} ({kind}), a partir de «{Path.GetFileName(request.From)}».");
        if (previous is not null)
        {
            var activities = content.Programs.Sum(p => p.Activities.Count());
            environment.Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Lleva {content.Programs.Sum(p => p.Objectives.Count)} objetivo(s) y {activities} actividad(es) con sus unidades, medios de verificación y ponderaciones; el cumplimiento queda en blanco y el análisis del avance (III.4) tiene una fila por objetivo para completar."));
        }

        return PmgCommandLine.Success;
    }

    private static async Task<FormReadResult> ReadPreviousAsync(CliEnvironment environment, string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                return await environment.Reader.ReadAsync(stream, name, FormReadOptions.Default, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return FormReadResult.Refused(
                name,
                FormFormat.Unknown,
                Diagnostic.Error(FormFiles.FileUnreadable, "No se pudo abrir el archivo: no existe, está en uso o no hay permiso para leerlo.", SourceLocation.Document));
        }
    }

    // What the office should know about the form it starts from: another region's, and values that could not be read.
    private static void WriteFromNotes(IAnsiConsole console, string path, FormReadResult read, Region region)
    {
        var previous = read.Submission!;
        if (previous.Region is { } other && other.Code != region.Code)
        {
            console.WriteLine($"Atención: «{Path.GetFileName(path)}» es el formulario de {other.Name} ({other.Code}); el nuevo es de {region.Name} ({region.Code}).");
        }

        var errors = read.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        foreach (var error in errors)
        {
            console.WriteLine($"Atención: {error.Message} ({error.Location?.ToString() ?? "documento"}); lo que no se pudo leer queda en blanco.");
        }
    }

    private static FormFormat? FormatOf(string? format, string? output) => (format ?? Path.GetExtension(output)?.TrimStart('.'))?.ToLowerInvariant() switch
    {
        "docx" => FormFormat.Word,
        "xlsx" => FormFormat.Excel,
        _ => null,
    };

    private static void ValidateUsage(
        CommandResult result,
        Option<string?> service,
        Option<string?> year,
        Option<string?> region,
        Option<string?> format,
        Option<string?> from,
        Option<string?> output)
    {
        if (string.IsNullOrWhiteSpace(result.GetValue(service)))
        {
            result.AddError("falta --service: indique el servicio, p. ej. --service SERNAM.");
        }

        var yearValue = result.GetValue(year)?.Trim();
        int? parsedYear = null;
        if (string.IsNullOrEmpty(yearValue))
        {
            result.AddError("falta --year: indique el año del formulario con cuatro dígitos, p. ej. --year 2010.");
        }
        else if (!int.TryParse(yearValue, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < FormTemplateWriter.MinYear || y > FormTemplateWriter.MaxYear)
        {
            result.AddError($"el año «{yearValue}» no es válido; use un año de cuatro dígitos entre {FormTemplateWriter.MinYear} y {FormTemplateWriter.MaxYear}, p. ej. 2010.");
        }
        else
        {
            parsedYear = y;
        }

        var regionValue = result.GetValue(region);
        if (string.IsNullOrWhiteSpace(regionValue))
        {
            result.AddError("falta --region: indique la región con su código ISO (CL-TA) o su nombre (Tarapacá).");
        }
        else if (!RegionCatalog.TryResolve(regionValue, out var resolved))
        {
            result.AddError($"la región «{regionValue}» no se reconoce; use un código ISO como CL-TA o un nombre como Tarapacá.");
        }
        else if (parsedYear is { } known && !resolved.ExistedIn(known))
        {
            result.AddError($"la región {resolved.Name} ({resolved.Code}) no existía en {known}.");
        }

        var outputValue = result.GetValue(output);
        var formatValue = result.GetValue(format);
        if (string.IsNullOrWhiteSpace(outputValue))
        {
            result.AddError("falta -o: indique el archivo a escribir, p. ej. -o formulario-2010.xlsx.");
        }
        else if (FormatOf(formatValue, outputValue) is null)
        {
            result.AddError($"no se sabe si escribir Word o Excel: «{outputValue}» no termina en .docx ni .xlsx; indique --format docx o --format xlsx.");
        }
        else if (formatValue is not null && FormatOf(null, outputValue) is { } byExtension && byExtension != FormatOf(formatValue, null))
        {
            result.AddError($"--format {formatValue} no corresponde a la extensión de «{outputValue}»: Word y Excel no abrirían el archivo.");
        }

        if (result.GetValue(from) is { } fromValue && !File.Exists(fromValue))
        {
            result.AddError(Directory.Exists(fromValue) ? $"--from «{fromValue}» es una carpeta; indique un formulario .docx o .xlsx." : $"el archivo «{fromValue}» de --from no existe.");
        }
    }
}
