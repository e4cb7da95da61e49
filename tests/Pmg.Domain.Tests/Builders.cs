using System.Globalization;
using System.Text.Json;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests;

/// <summary>Builds a submission fluently: region, year, programmes with objectives and activities, III.4 rows.</summary>
internal sealed class SubmissionBuilder
{
    private readonly List<WorkProgram> _programs = [];
    private readonly List<ProgressRow> _progressRows = [];
    private string _service = "SERNAM";
    private int _year = 2009;
    private Region? _region = RegionCatalog.FindByCode("CL-TA");

    public SubmissionBuilder ForService(string service)
    {
        _service = service;
        return this;
    }

    public SubmissionBuilder InYear(int year)
    {
        _year = year;
        return this;
    }

    public SubmissionBuilder ForRegion(string code)
    {
        _region = RegionCatalog.FindByCode(code) ?? throw new ArgumentException("Unknown region " + code, nameof(code));
        return this;
    }

    public SubmissionBuilder WithProgram(Section section, Action<ProgramBuilder> configure)
    {
        var builder = new ProgramBuilder(section);
        configure(builder);
        _programs.Add(builder.Build());
        return this;
    }

    public SubmissionBuilder WithProgressRow(string objective, string progress = "Avance según lo programado")
    {
        _progressRows.Add(new ProgressRow
        {
            Objective = objective,
            Progress = progress,
            Location = new SourceLocation(Section.III4, _progressRows.Count + 1),
        });
        return this;
    }

    /// <summary>One III.4 row per objective added so far, with the objective's exact text.</summary>
    public SubmissionBuilder WithProgressRowsForAllObjectives()
    {
        foreach (var objective in _programs.SelectMany(p => p.Objectives))
        {
            WithProgressRow(objective.Text);
        }

        return this;
    }

    public Submission Build() => new()
    {
        Service = _service,
        Year = _year,
        Region = _region,
        RegionLabel = _region?.Name,
        SourceFile = $"{_service}-{_year}-{_region?.Code}.docx",
        Format = FormFormat.Word,
        Programs = _programs.ToArray(),
        ProgressRows = _progressRows.ToArray(),
    };
}

/// <summary>Builds one programme; every activity gets its own table row, numbered from 1.</summary>
internal sealed class ProgramBuilder(Section section)
{
    private readonly List<Objective> _objectives = [];
    private int _nextRow = 1;
    private decimal? _declaredPerformance;
    private SourceLocation? _declaredPerformanceLocation;

    /// <summary>Fills "Desempeño Anual Región (%)" with <paramref name="percent"/> points, optionally in a workbook cell.</summary>
    public ProgramBuilder DeclaringPerformance(decimal percent, string? cell = null)
    {
        _declaredPerformance = percent;
        _declaredPerformanceLocation = new SourceLocation(section, null, Columns.DeclaredPerformance, cell);
        return this;
    }

    public ProgramBuilder WithObjective(string text, Action<ObjectiveBuilder> configure)
    {
        var builder = new ObjectiveBuilder(section, _nextRow);
        configure(builder);
        var objective = builder.Build(text);
        _nextRow += Math.Max(1, objective.Activities.Count);
        _objectives.Add(objective);
        return this;
    }

    /// <summary>An objective with one activity per weight, all marked the same.</summary>
    public ProgramBuilder WithObjective(string text, Compliance compliance, params decimal?[] weights) =>
        WithObjective(text, o =>
        {
            foreach (var weight in weights)
            {
                o.WithActivity("Actividad de " + text, a => a.Weighing(weight).Marked(compliance));
            }
        });

    public WorkProgram Build() => new()
    {
        Section = section,
        Title = section.ShortName(),
        Objectives = _objectives.ToArray(),
        Location = new SourceLocation(section),
        RawDeclaredPerformance = _declaredPerformance?.ToString(CultureInfo.InvariantCulture) + (_declaredPerformance is null ? "" : "%"),
        DeclaredPerformance = _declaredPerformance,
        DeclaredPerformanceLocation = _declaredPerformanceLocation,
    };
}

/// <summary>Builds one objective and its activities.</summary>
internal sealed class ObjectiveBuilder(Section section, int firstRow)
{
    private readonly List<Activity> _activities = [];

    public ObjectiveBuilder WithActivity(string text, Action<ActivityBuilder>? configure = null)
    {
        var builder = new ActivityBuilder(text, new SourceLocation(section, firstRow + _activities.Count));
        configure?.Invoke(builder);
        _activities.Add(builder.Build());
        return this;
    }

    public Objective Build(string text) => new()
    {
        Text = text,
        Activities = _activities.ToArray(),
        Location = new SourceLocation(section, firstRow, Columns.Objective),
    };
}

/// <summary>Builds one activity: weight, compliance mark, declared earned weight, workbook cells.</summary>
internal sealed class ActivityBuilder(string text, SourceLocation location)
{
    private readonly Dictionary<string, string> _cells = [];
    private decimal? _weight;
    private string _rawWeight = "";
    private Compliance _compliance;
    private string _rawCompliance = "";
    private decimal? _declaredEarned;

    public ActivityBuilder Weighing(decimal? points)
    {
        _weight = points;
        _rawWeight = points?.ToString(CultureInfo.InvariantCulture) + "%";
        return this;
    }

    /// <summary>Reads the weight the way a form writes it ("0,5%", "01%").</summary>
    public ActivityBuilder WeighingAsWritten(string raw)
    {
        _weight = WeightParser.Parse(raw).Points;
        _rawWeight = raw;
        return this;
    }

    public ActivityBuilder Marked(Compliance compliance)
    {
        _compliance = compliance;
        _rawCompliance = compliance switch
        {
            Compliance.Complied => "Sí",
            Compliance.NotComplied => "No",
            _ => "",
        };
        return this;
    }

    /// <summary>Reads the mark the way a form writes it ("SÍ", "No cumple", "parcial").</summary>
    public ActivityBuilder MarkedAsWritten(string raw)
    {
        _compliance = ComplianceVocabulary.Parse(raw);
        _rawCompliance = raw;
        return this;
    }

    public ActivityBuilder Complied() => Marked(Compliance.Complied);

    public ActivityBuilder NotComplied() => Marked(Compliance.NotComplied);

    public ActivityBuilder DeclaringEarned(decimal points)
    {
        _declaredEarned = points;
        return this;
    }

    public ActivityBuilder InCell(string column, string cell)
    {
        _cells[column] = cell;
        return this;
    }

    public Activity Build() => new()
    {
        Text = text,
        Unit = "Profesional de apoyo",
        Means = "Informes",
        Weight = _weight,
        RawWeight = _rawWeight,
        Compliance = _compliance,
        RawCompliance = _rawCompliance,
        DeclaredEarned = _declaredEarned,
        Location = location,
        Cells = _cells,
    };
}

/// <summary>
/// The sample forms as <c>samples/expected/*.json</c> describe them (copied into the output's Samples/ at build), built into submissions
/// so the rules are checked against the exact weights and marks of the real files.
/// </summary>
internal static class SampleForms
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Samples", fileName);

    public static JsonDocument Open(string fileName) => JsonDocument.Parse(File.ReadAllText(PathOf(fileName)));

    public static Submission Load(string fileName)
    {
        using var document = Open(fileName);
        var root = document.RootElement;
        RegionCatalog.TryResolve(root.GetProperty("region").GetString(), out var region);
        var builder = new SubmissionBuilder()
            .ForService(root.GetProperty("service").GetString()!)
            .InYear(root.GetProperty("year").GetInt32())
            .ForRegion(region.Code);

        foreach (var program in root.GetProperty("programs").EnumerateArray())
        {
            if (!SectionExtensions.TryParseCode(program.GetProperty("kind").GetString(), out var section))
            {
                continue;
            }

            builder.WithProgram(section, p =>
            {
                if (program.TryGetProperty("objectives", out var objectives))
                {
                    AddObjectives(p, objectives);
                }
                else if (program.TryGetProperty("rows", out var rows))
                {
                    AddCategoryRows(p, rows);
                }
            });
        }

        foreach (var row in root.GetProperty("progress").EnumerateArray())
        {
            builder.WithProgressRow(row.GetProperty("objective").GetString()!, row.GetProperty("progress").GetString()!);
        }

        return builder.Build();
    }

    private static void AddObjectives(ProgramBuilder program, JsonElement objectives)
    {
        foreach (var objective in objectives.EnumerateArray())
        {
            program.WithObjective(objective.GetProperty("text").GetString()!, o =>
            {
                foreach (var activity in objective.GetProperty("activities").EnumerateArray())
                {
                    o.WithActivity(activity.GetProperty("text").GetString()!, a => a
                        .Weighing(activity.GetProperty("weight").ValueKind == JsonValueKind.Number ? activity.GetProperty("weight").GetDecimal() : null)
                        .Marked(activity.GetProperty("complied").ValueKind switch
                        {
                            JsonValueKind.True => Compliance.Complied,
                            JsonValueKind.False => Compliance.NotComplied,
                            _ => Compliance.Unmarked,
                        }));
                }
            });
        }
    }

    // III.3 in the seed lists, per category, its objectives and its activities side by side: the activities go to the
    // category's first objective, which is enough to score the programme (weights are per activity).
    private static void AddCategoryRows(ProgramBuilder program, JsonElement rows)
    {
        foreach (var row in rows.EnumerateArray())
        {
            var objectives = row.GetProperty("objectives").EnumerateArray().Select(o => o.GetString()!).ToList();
            var activities = row.GetProperty("activities").EnumerateArray().Select(a => a.GetString()!).ToList();
            var weights = row.GetProperty("weights").EnumerateArray().Select(w => (decimal?)w.GetDecimal()).ToList();
            for (var i = 0; i < objectives.Count; i++)
            {
                var index = i;
                program.WithObjective(objectives[i], o =>
                {
                    if (index != 0)
                    {
                        return;
                    }

                    for (var j = 0; j < activities.Count; j++)
                    {
                        var weight = j < weights.Count ? weights[j] : null;
                        o.WithActivity(activities[j], a => a.Weighing(weight));
                    }
                });
            }
        }
    }
}
