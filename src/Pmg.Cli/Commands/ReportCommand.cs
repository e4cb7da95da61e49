using System.CommandLine;
using System.Globalization;
using Pmg.Cli.Output;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Reports;
using Pmg.Forms.Reports;
using Pmg.Pipeline;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Json;
using Spectre.Console;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg report PATH... [--json] [--xlsx OUT] [--prefer FILE]...`: consolidates forms into the regional table and the
/// national result. Of several forms of one region and year the most recent (last written) counts, as the pipeline
/// counts the latest upload, unless the user prefers another.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = CommandArguments.Paths("RUTA", "Formularios .docx/.xlsx o carpetas (se recorren recursivamente).");
        var json = new Option<bool>("--json") { Description = "Escribe el informe en JSON (contrato público) en la salida estándar." };
        var xlsx = new Option<string?>("--xlsx") { HelpName = "SALIDA.xlsx", Description = "Escribe además el libro consolidado (.xlsx) en esta ruta." };
        var prefer = new Option<string[]>("--prefer")
        {
            HelpName = "ARCHIVO",
            Description = "Formulario que se considera cuando su región tiene varios del mismo año (por omisión, el modificado más recientemente). Se puede repetir.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("report", "Consolida formularios: tabla regional por programa y resultado nacional.")
        {
            paths,
            json,
            xlsx,
            prefer,
        };

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            parseResult.GetRequiredValue(paths),
            parseResult.GetValue(json),
            parseResult.GetValue(xlsx),
            parseResult.GetValue(prefer) ?? [],
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, string[] paths, bool json, string? xlsxPath, string[] preferred, CancellationToken cancellationToken)
    {
        var (files, problem) = FormFiles.Expand(paths);
        var chosen = preferred.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var unknown = preferred.FirstOrDefault(p => !files.Any(f => Path.GetFullPath(f) == Path.GetFullPath(p)));
        problem ??= unknown is null ? null : $"--prefer «{unknown}» no es uno de los formularios del informe; indique uno de los archivos o carpetas que consolida.";
        if (problem is not null)
        {
            await environment.Error.WriteLineAsync($"Uso incorrecto: {problem}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return PmgCommandLine.UsageError;
        }

        var evaluated = new List<EvaluatedFile>(files.Count);
        foreach (var file in files)
        {
            var result = await FormFiles.EvaluateAsync(environment.Reader, file, FormReadOptions.Default, cancellationToken).ConfigureAwait(false);

            // The file's last write stands for its upload time: of two forms of a region the most recent counts.
            evaluated.Add(result with
            {
                ModifiedAt = File.Exists(file) ? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero) : null,
                Chosen = chosen.Contains(Path.GetFullPath(file)),
            });
        }

        // Dates as people in Chile read them, whatever the computer's zone (the pipeline's Pmg:TimeZone default).
        var chile = new PmgOptions().Zone();
        var report = ConsolidatedReportBuilder.Build(evaluated, new ReportOptions
        {
            TimeZone = chile,
            ChoiceHint = "Para considerar otro, use --prefer ARCHIVO.",
        }) with
        {
            Header = Header(evaluated, TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), chile)),
        };

        if (xlsxPath is not null && !await TryWriteWorkbookAsync(environment, xlsxPath, report, cancellationToken).ConfigureAwait(false))
        {
            return PmgCommandLine.UsageError;
        }

        if (json)
        {
            await JsonOutput.WriteAsync(environment.Out, JsonOutput.Report(report), PmgJson.Contracts.ReportJson, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            HumanOutput.WriteReport(environment.Console, report);
            if (xlsxPath is not null)
            {
                environment.Console.WriteLine($"Libro consolidado escrito en {xlsxPath}");
            }
        }

        // A refused file is missing from the national result: signal it the way validate does.
        return evaluated.All(e => e.Read.Accepted) ? PmgCommandLine.Success : PmgCommandLine.FormErrors;
    }

    /// <summary>
    /// The workbook's title block: that it comes from local files, the services and years the forms state, when it was
    /// written (Chile time) and the rules applied, as the recalculation's workbook says them.
    /// </summary>
    private static ReportHeader Header(IReadOnlyList<EvaluatedFile> evaluated, DateTimeOffset now)
    {
        var submissions = evaluated.Select(e => e.Evaluation?.Submission).OfType<Submission>().ToList();
        var services = submissions.Select(s => s.Service).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var years = submissions.Select(s => s.Year).Distinct().Order().Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        return new ReportHeader(
            ReportHeader.LocalFilesTitle,
            services.Count == 0 ? "no indicado en los formularios" : string.Join(", ", services),
            years.Count == 0 ? "no indicado en los formularios" : string.Join(", ", years),
            ComplianceReport.GeneratedText(now),
            ReportRules.Lines);
    }

    private static async Task<bool> TryWriteWorkbookAsync(CliEnvironment environment, string path, ConsolidatedReport report, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.Create(path);
            await using (stream.ConfigureAwait(false))
            {
                ConsolidatedReportWriter.Write(stream, report);
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await environment.Error.WriteLineAsync(
                $"Uso incorrecto: no se pudo escribir el libro «{path}» (¿existe la carpeta y hay permiso de escritura?).".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return false;
        }
    }
}
