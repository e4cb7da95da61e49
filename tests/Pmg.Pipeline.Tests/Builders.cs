using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests;

/// <summary>Builds submissions for pipeline tests: one III.1 programme whose activities are given as (weight, mark).</summary>
internal sealed class SubmissionBuilder
{
    private string _service = "SERNAM";
    private int _year = 2009;
    private Region? _region = RegionCatalog.FindByCode("CL-TA");
    private readonly List<(decimal Weight, Mark Mark)> _activities = [];

    public SubmissionBuilder ForYear(int year)
    {
        _year = year;
        return this;
    }

    public SubmissionBuilder InRegion(string code)
    {
        _region = RegionCatalog.FindByCode(code);
        return this;
    }

    public SubmissionBuilder WithActivity(decimal weight, Mark mark)
    {
        _activities.Add((weight, mark));
        return this;
    }

    public Submission Build(string fileName)
    {
        var activities = _activities.Select((a, i) => new Activity
        {
            Text = "Actividad " + (i + 1),
            Weight = a.Weight,
            RawWeight = a.Weight + "%",
            Compliance = a.Mark,
            RawCompliance = a.Mark == Mark.Complied ? "Sí" : a.Mark == Mark.NotComplied ? "No" : "",
            Location = new SourceLocation(Section.III1, i + 1),
        }).ToArray();
        var objective = new Objective { Text = "Objetivo 1", Activities = activities, Location = new SourceLocation(Section.III1, 1) };
        return new Submission
        {
            Service = _service,
            Year = _year,
            Region = _region,
            SourceFile = fileName,
            Format = FormFormat.Word,
            Programs = [new WorkProgram { Section = Section.III1, Objectives = [objective] }],
            ProgressRows = [new ProgressRow { Program = "Diseño Acceso y Distribución", Objective = "Objetivo 1", Progress = "Avance normal", Location = new SourceLocation(Section.III4, 1) }],
        };
    }

    public FormReadResult Read(string fileName) => new() { FileName = fileName, Format = FormFormat.Word, Submission = Build(fileName) };
}
