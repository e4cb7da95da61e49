using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Cli.Output;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Json;
using Pmg.Storage;
using Spectre.Console;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg recalc [--service S] [--year N]`: runs the compliance recalculation on demand (as the hourly timer does:
/// first the reconciliation sweep, which ingests forms the trigger missed) over the configured storage (Azurite by
/// default) and prints the national result per programme and the
/// activities at risk.
/// </summary>
internal static class RecalcCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "recalc";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Recalcula el cumplimiento regional y nacional, las actividades en riesgo, las alertas y el informe.";

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CL");

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Recalcula solo este servicio (p. ej. SERNAM); por omisión, todos." };
        var year = CommonOptions.Year("Recalcula solo este año (cuatro dígitos); por omisión, todos.");
        var json = new Option<bool>("--json") { Description = "Escribe el resultado en JSON (contrato público) en la salida estándar." };
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
            if (result.GetValue(service) is { } name && string.IsNullOrWhiteSpace(name))
            {
                result.AddError("--service está vacío.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            ServiceScope.With(connection.BuildConfiguration(parseResult), parseResult.GetValue(service)?.Trim()),
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

            // With --json nothing but JSON goes to standard output: no progress bars.
            var console = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Interactive = InteractionSupport.No }) : environment.Console;
            RecalculationSummary summary;
            ReconciliationResult swept;
            try
            {
                if (services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.CreateIfMissing)
                {
                    await services.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                }

                // As the timer does: first ingest the forms the trigger missed, so they count in this recalculation.
                swept = await services.GetRequiredService<IReconciliationService>().SweepAsync(service, year, cancellationToken).ConfigureAwait(false);
                var compliance = services.GetRequiredService<IComplianceService>();
                summary = await console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var progress = new TaskProgress(context);
                        var result = await compliance.RecalculateAsync(service, year, progress, cancellationToken).ConfigureAwait(false);
                        progress.Finish();
                        return result;
                    }).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                return await StorageConnection.FailAsync(environment, "No se pudo recalcular", exception, cancellationToken).ConfigureAwait(false);
            }

            if (json)
            {
                await JsonOutput.WriteAsync(environment.Out, Contract(summary, swept), PmgJson.Contracts.RecalcJson, cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.Success;
            }

            foreach (var outcome in swept.Ingested)
            {
                console.MarkupLineInterpolated($"Formulario sin procesar ingresado ahora: {outcome.BlobName} ({SweptOutcome(outcome.Status)}).");
            }

            if (summary.Results.Count == 0)
            {
                TextLines.Write(console, Describe(service, year));
                return PmgCommandLine.Success;
            }

            foreach (var result in summary.Results)
            {
                Print(console, result);
            }

            return PmgCommandLine.Success;
        }
    }

    private static RecalcJson Contract(RecalculationSummary summary, ReconciliationResult swept) => new(
        summary.Results
            .Select(r => new RecalcServiceYearJson(
                r.Service,
                r.Year,
                r.Regions.Count,
                r.National.Select(n => new RecalcNationalJson(n.Section.Code(), n.Status.Label(), n.Regions, n.Complying, n.Missing.Select(m => m.Code).ToList())).ToList(),
                AtRiskDetector.CountActivities(r.AtRisk),
                r.AtRisk.GroupBy(a => a.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new AtRiskReasonJson(g.Key, g.Count())).ToList(),
                r.DigestsQueued,
                "reports/" + r.ReportName))
            .ToList(),
        swept.Ingested.Select(o => new SweptFormJson(o.BlobName, SubmissionReceipts.OutcomeName(o.Status))).ToList());

    private static string SweptOutcome(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "aceptado",
        IngestionStatus.Refused => "rechazado",
        IngestionStatus.Failed => "fallido",
        _ => "ya registrado",
    };

    private static string Describe(string? service, int? year) => (service, year) switch
    {
        (null, null) => "No hay formularios vigentes que recalcular.",
        ({ } s, null) => $"No hay formularios vigentes de {s} que recalcular.",
        (null, { } y) => string.Create(CultureInfo.InvariantCulture, $"No hay formularios vigentes del año {y} que recalcular."),
        ({ } s, { } y) => string.Create(CultureInfo.InvariantCulture, $"No hay formularios vigentes de {s} {y} que recalcular."),
    };

    private static void Print(IAnsiConsole console, ServiceYearResult result)
    {
        console.WriteLine();
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{result.Service} {result.Year}[/]: {result.Regions.Count} región(es) con formulario vigente.");
        foreach (var national in result.National)
        {
            var color = national.Status switch
            {
                ProgramStatus.Cumple => "green",
                ProgramStatus.NoCumple => "red",
                _ => "yellow",
            };
            console.MarkupLineInterpolated(Spanish, $"  Nacional {national.Section.Code()} {national.Section.ShortName()}: [{color}]{national.Status.Label()}[/]");
            console.MarkupLineInterpolated(Spanish, $"    {national.Complying} de {national.Regions} regiones cumplen.");
            if (national.Missing.Count > 0)
            {
                TextLines.WriteList(console, "Sin formulario:", national.Missing.Select(r => r.Name), indent: 4);
            }
        }

        var activities = AtRiskDetector.CountActivities(result.AtRisk);
        console.MarkupLineInterpolated(Spanish, $"  Actividades en riesgo: {activities} ({result.AtRisk.Count} motivo(s)).");
        foreach (var reason in result.AtRisk.GroupBy(a => a.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            console.MarkupLineInterpolated(Spanish, $"    {ReasonLabel(reason.Key)}: {reason.Count()}");
        }

        console.MarkupLineInterpolated(Spanish, $"  Alertas encoladas: {result.DigestsQueued}.");
        console.MarkupLineInterpolated(Spanish, $"  Informe: reports/{result.ReportName}");
    }

    private static string ReasonLabel(string reason) => reason switch
    {
        AlertReasons.NotComplied => "marcadas como no cumplidas",
        AlertReasons.UnmarkedAfterClosing => "sin marcar después del cierre",
        AlertReasons.NoProgressRow => "sin fila de avance en III.4",
        AlertReasons.ProgressLate => "con avance atrasado o no iniciado",
        AlertReasons.CannotReach90 => "en programas que ya no pueden llegar al 90 %",
        _ => reason,
    };

    /// <summary>One progress bar per service and year, updated as regions are scored.</summary>
    private sealed class TaskProgress(ProgressContext context) : IProgress<RecalculationProgress>
    {
        private readonly Dictionary<(string, int), ProgressTask> _tasks = [];

        public void Report(RecalculationProgress value)
        {
            if (!_tasks.TryGetValue((value.Service, value.Year), out var task))
            {
                task = context.AddTask(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{value.Service} {value.Year}")), maxValue: Math.Max(1, value.Total));
                _tasks[(value.Service, value.Year)] = task;
            }

            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }

        public void Finish()
        {
            foreach (var task in _tasks.Values)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
