using System.CommandLine;
using Pmg.Cli.Output;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Pipeline.Json;

namespace Pmg.Cli.Commands;

/// <summary>`pmg validate FILE... [--json] [--year N] [--region R]`: reads and scores each form and lists every diagnostic.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var files = CommandArguments.Paths("ARCHIVO", "Formularios .docx o .xlsx a validar.");
        var json = new Option<bool>("--json") { Description = "Escribe el resultado en JSON (contrato público) en la salida estándar." };
        var year = CommonOptions.Year("Año a usar cuando el formulario no lo indica.");
        var region = new Option<string?>("--region") { HelpName = "REGIÓN", Description = "Región (código ISO o nombre) a usar cuando el formulario no la indica." };

        var command = new Command("validate", "Valida formularios: programas, ponderaciones, desempeño, estado y observaciones.")
        {
            files,
            json,
            year,
            region,
        };

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            parseResult.GetRequiredValue(files),
            parseResult.GetValue(json),
            new FormReadOptions { Year = parseResult.GetValue(year), Region = parseResult.GetValue(region) },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, string[] paths, bool json, FormReadOptions options, CancellationToken cancellationToken)
    {
        var missing = paths.FirstOrDefault(p => !File.Exists(p));
        if (missing is not null)
        {
            var reason = Directory.Exists(missing) ? "es una carpeta; validate espera archivos (use «pmg report» para carpetas)" : "no existe";
            await environment.Error.WriteLineAsync($"Uso incorrecto: el archivo «{missing}» {reason}.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return PmgCommandLine.UsageError;
        }

        if (options.Region is { } region && !RegionCatalog.TryResolve(region, out _))
        {
            await environment.Error.WriteLineAsync($"Uso incorrecto: la región «{region}» no se reconoce; use un código ISO como CL-TA o un nombre como Tarapacá.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return PmgCommandLine.UsageError;
        }

        var results = new List<EvaluatedFile>(paths.Length);
        foreach (var path in paths)
        {
            results.Add(await FormFiles.EvaluateAsync(environment.Reader, path, options, cancellationToken).ConfigureAwait(false));
        }

        if (json)
        {
            await JsonOutput.WriteAsync(environment.Out, results.Select(JsonOutput.Validate).ToList(), PmgJson.Contracts.ListValidateFileJson, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results)
            {
                HumanOutput.WriteValidation(environment.Console, result);
            }

            HumanOutput.WriteValidationSummary(environment.Console, results);
        }

        return results.All(r => r.IsClean) ? PmgCommandLine.Success : PmgCommandLine.FormErrors;
    }
}
