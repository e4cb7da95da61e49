using CsCheck;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Tests.Templates;

/// <summary>
/// Random Etapa 3 forms as offices fill them: Spanish text with accents, ñ, quotes and symbols, short and long; empty
/// optional cells; 1–3 programmes of 1–4 objectives with 0–4 activities; weights that sum to 100 or not, or are
/// missing; marks «Cumple», «No cumple» or none; III.2's instancia; III.4 rows. Texts avoid only what a form's own
/// words would mean to the reader (a column title, "Notas", "Total"…), which no office writes as data.
/// </summary>
internal static class SubmissionGenerators
{
    // No word that starts a column title, a section heading or a label the reader keys on.
    private static readonly string[] Words =
    [
        "Coordinar", "asesoría", "técnica", "mujeres", "jefas", "hogar", "niñas", "niños", "año", "comunas", "«Mesa", "Rural»",
        "\"Chile", "Crece\"", "O'Higgins", "Ñuble", "Biobío", "capacitación", "información", "municipios", "100%", "N°", "5",
        "talleres", "acción", "género", "política", "pública", "seguimiento", "difusión", "convenios", "SENCE", "FOSIS",
        "Araucanía", "¿cómo?", "¡ya!", "&", "<b>", "a", "y/o", "Pérez", "Muñoz", "evaluación", "índice", "útil", "cigüeña",
        "desconcentrados", "VIF", "Casa", "de", "acogida", "en", "la", "el", "los", "las", "con", "para", "12,5", "2°",
        "semestre", "—", "–", "(CRI)", "Iguala.cl", "€", "Ü", "ç", "l'école", "ÁÉÍÓÚ", "áéíóú", "Señora", "pingüino", "¿Qué?",
    ];

    private static readonly Gen<string> Word = Gen.OneOf(Words);

    /// <summary>A line of text: mostly a few words, sometimes a long paragraph.</summary>
    public static Gen<string> Line { get; } = Gen.Frequency(
        (9, Word.Array[1, 8].Select(words => string.Join(' ', words))),
        (1, Word.Array[40, 160].Select(words => string.Join(' ', words))));

    /// <summary>A line that starts with a capital (a lower-case first letter marks a row continued after a page break).</summary>
    public static Gen<string> CapitalLine { get; } = Line.Select(Capitalise);

    /// <summary>An optional cell: empty about a third of the time.</summary>
    public static Gen<string> Optional { get; } = Gen.Frequency((1, Gen.Const("")), (2, Line));

    private static readonly Gen<Compliance> Mark = Gen.Frequency(
        (5, Gen.Const(Compliance.Complied)), (2, Gen.Const(Compliance.NotComplied)), (3, Gen.Const(Compliance.Unmarked)));

    private static readonly Gen<decimal> Weight = Gen.Int[0, 10000].Select(hundredths => hundredths / 100m);

    private static Gen<Activity> Activity(Gen<Compliance> mark) =>
        Gen.Select(Line, Optional, Optional, Weight, mark, (text, unit, means, weight, compliance) => new Activity
        {
            Text = text,
            Unit = unit,
            Means = means,
            Weight = weight,
            Compliance = compliance,
            Location = SourceLocation.Document,
        });

    private static Gen<Objective> Objective(Section section, Gen<Compliance> mark) =>
        Gen.Select(
            CapitalLine,
            Line.Array[0, 3],
            Optional,
            Gen.Frequency((1, Gen.Int[0, 0]), (8, Gen.Int[1, 4])).SelectMany(count => Activity(mark).Array[count]),
            Gen.Int[0, FormVocabulary.InformationCategories.Count - 1],
            (text, indicators, result, activities, category) => new Objective
            {
                Text = text,
                Category = section == Section.III3 ? FormVocabulary.InformationCategories[category] : null,
                Indicators = indicators,
                AnnualResult = result,
                Activities = activities,
                Location = SourceLocation.Document,
            });

    /// <summary>How a programme's weights are written.</summary>
    private enum Weighting
    {
        SumTo100,
        Arbitrary,
        None,
        SomeMissing,
    }

    private static readonly Gen<Compliance> FinalMark = Gen.OneOf(Compliance.Complied, Compliance.NotComplied);

    private static readonly Gen<Weighting> Weightings = Gen.Frequency(
        (6, Gen.Const(Weighting.SumTo100)), (2, Gen.Const(Weighting.Arbitrary)), (1, Gen.Const(Weighting.None)), (1, Gen.Const(Weighting.SomeMissing)));

    // Half the programmes have every activity marked, so that they have a final status and a declared performance.
    private static Gen<WorkProgram> Program(Section section) =>
        Gen.Select(Gen.Bool, Weightings, Body)
            .SelectMany((allMarked, weighting, body) => Gen.Select(
                Objective(section, allMarked ? FinalMark : Mark).Array[1, 4],
                Gen.Int[0, 10000].Array[16],
                Gen.Bool.Array[16],
                (objectives, cuts, missing) => new WorkProgram
                {
                    Section = section,
                    CoordinatingBody = section == Section.III2 ? body : null,
                    Objectives = Weigh(SortedForSection(section, objectives), weighting, cuts, missing),
                }));

    private static Gen<CoordinatingBody?> Body { get; } = Gen.Frequency(
        (1, Gen.Const((CoordinatingBody?)null)),
        (3, Gen.Select(CapitalLine, Optional, Optional, Optional, Line.Array[0, 3], (name, problem, territories, institutions, products) =>
            (CoordinatingBody?)new CoordinatingBody(name, problem, territories, institutions, products))));

    private static Gen<ProgressRow> Progress { get; } =
        Gen.Select(
            Gen.Frequency((3, Gen.OneOf(SectionExtensions.Programs.Select(FormVocabulary.ProgressProgram).ToArray())), (1, CapitalLine)),
            CapitalLine,
            Optional,
            Optional,
            Optional,
            Optional,
            (program, objective, progress, measures, recommendations, responsible) => new ProgressRow
            {
                Program = program,
                Objective = objective,
                Progress = progress,
                AuthorityMeasures = measures,
                Recommendations = recommendations,
                Responsible = responsible,
                Location = SourceLocation.Document,
            });

    /// <summary>A whole form of a service, year and region that existed that year.</summary>
    public static Gen<Submission> Submission { get; } =
        Gen.Select(
            Gen.OneOf("SERNAM", "SENCE", "FOSIS", "Servicio Nacional de la Mujer y la Equidad de Género"),
            Gen.Int[2000, 2099],
            Gen.Int[0, RegionCatalog.All.Count - 1],
            Gen.Int[1, 7])
        .SelectMany((service, year, regionIndex, sections) =>
            Gen.Select(
                ProgramIf((sections & 1) != 0, Section.III1),
                ProgramIf((sections & 2) != 0, Section.III2),
                ProgramIf((sections & 4) != 0, Section.III3),
                Progress.Array[0, 5],
                (iii1, iii2, iii3, progress) =>
                {
                    var existing = RegionCatalog.ExistingIn(year);
                    return new Submission
                    {
                        Service = service,
                        Year = year,
                        Region = existing[regionIndex % existing.Count],
                        SourceFile = "generado",
                        Programs = new[] { iii1, iii2, iii3 }.OfType<WorkProgram>().ToList(),
                        ProgressRows = progress,
                    };
                }));

    private static Gen<WorkProgram?> ProgramIf(bool present, Section section) =>
        present ? Program(section).Select(p => (WorkProgram?)p) : Gen.Const((WorkProgram?)null);

    // III.3 lists its objectives under their categories, in the categories' order.
    private static Objective[] SortedForSection(Section section, Objective[] objectives) =>
        section == Section.III3
            ? [.. objectives.OrderBy(o => FormVocabulary.InformationCategories.ToList().IndexOf(o.Category!))]
            : objectives;

    // At most 16 activities (4 objectives × 4): cuts and missing flags come 16 at a time.
    private static List<Objective> Weigh(Objective[] objectives, Weighting weighting, int[] cuts, bool[] missing)
    {
        var count = objectives.Sum(o => o.Activities.Count);
        var weights = weighting switch
        {
            Weighting.SumTo100 => SplitHundred(cuts[..Math.Max(0, count - 1)]),
            Weighting.None => Enumerable.Repeat<decimal?>(null, count).ToList(),
            Weighting.SomeMissing => [.. objectives.SelectMany(o => o.Activities).Select((a, i) => missing[i] ? null : a.Weight)],
            _ => [.. objectives.SelectMany(o => o.Activities).Select(a => a.Weight)],
        };
        var next = 0;
        return [.. objectives.Select(o => o with { Activities = [.. o.Activities.Select(a => a with { Weight = weights[next++] })] })];
    }

    // count - 1 cut points in hundredths of a point split 100 into count weights that sum to exactly 100.
    private static List<decimal?> SplitHundred(int[] cuts)
    {
        var points = cuts.Order().Prepend(0).Append(10000).ToList();
        return [.. Enumerable.Range(0, cuts.Length + 1).Select(i => (decimal?)((points[i + 1] - points[i]) / 100m))];
    }

    private static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
