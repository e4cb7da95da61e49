using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Templates;

/// <summary>
/// Writes the official Etapa 3 form (.docx or .xlsx) for one office: every section III.1–III.4 with the seed's titles,
/// column headers and notes, the service and region filled in, and the cells built to prevent mistakes (compliance
/// dropdowns, percent weights with a range check, live totals in Excel). Optionally pre-filled from a previous
/// submission: next year's form starts from this year's objectives, activities, units, means and weights, with the
/// compliance marks cleared. Whatever it writes, <see cref="FormReader"/> reads back to the same form.
/// </summary>
public sealed class FormTemplateWriter
{
    /// <summary>The earliest year a form can be written for.</summary>
    public const int MinYear = 2000;

    /// <summary>The latest year a form can be written for (the readers recognise years 19xx and 20xx).</summary>
    public const int MaxYear = 2099;

    /// <summary>
    /// Writes the form of <paramref name="service"/>, <paramref name="year"/> and <paramref name="region"/> to
    /// <paramref name="output"/> (left open), blank or pre-filled from <paramref name="prefill"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The service is blank, the year outside <see cref="MinYear"/>–<see cref="MaxYear"/>,
    /// the region did not exist that year, or the format is not Word or Excel.</exception>
    public Task WriteAsync(string service, int year, Region region, FormFormat format, Stream output, Submission? prefill = null, CancellationToken cancellationToken = default) =>
        WriteAsync(CreateContent(service, year, region, prefill), format, output, TemplateLayout.RowPerActivity, cancellationToken);

    /// <summary>
    /// Writes <paramref name="content"/> as a form, marks and declared values as they are, in the given layout.
    /// The template is this with <see cref="CreateContent"/>; tests and tools write any form through it.
    /// </summary>
    public async Task WriteAsync(Submission content, FormFormat format, Stream output, TemplateLayout layout = TemplateLayout.RowPerActivity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        Validate(content.Service, content.Year);
        cancellationToken.ThrowIfCancellationRequested();

        // The Open XML SDK writes synchronously and needs a seekable stream: build in memory (a form is tens of KB), then copy.
        using var buffer = new MemoryStream();
        switch (format)
        {
            case FormFormat.Word:
                WordTemplateWriter.Write(buffer, content, layout);
                break;
            case FormFormat.Excel:
                ExcelTemplateWriter.Write(buffer, content, layout);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "A form is written as Word or Excel.");
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The form a template shows: the service, year and region given; every programme; and, from
    /// <paramref name="prefill"/>, its objectives, activities, units, means and weights and III.2's instancia, with
    /// compliance, earned weights and declared performance cleared, and one III.4 row per objective with its
    /// analysis left blank.
    /// </summary>
    public static Submission CreateContent(string service, int year, Region region, Submission? prefill = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        Validate(service, year);
        if (!region.ExistedIn(year))
        {
            throw new ArgumentException($"Region {region.Code} did not exist in {year}.", nameof(region));
        }

        var programs = SectionExtensions.Programs
            .Select(section => prefill?.Program(section) is { } previous ? Cleared(previous) : new WorkProgram { Section = section })
            .Select(program => program with { Title = FormVocabulary.Heading(program.Section, year), RegionLabel = region.Name })
            .ToList();
        return new Submission
        {
            Service = service.Trim(),
            Year = year,
            Region = region,
            RegionLabel = region.Name,
            SourceFile = prefill?.SourceFile ?? "",
            Programs = programs,
            ProgressRows = [.. programs.SelectMany(ProgressRowsFor)],
        };
    }

    private static void Validate(string service, int year)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
    }

    private static WorkProgram Cleared(WorkProgram program) => program with
    {
        Objectives = [.. program.Objectives.Select(objective => objective with
        {
            Activities = [.. objective.Activities.Select(activity => activity with
            {
                Compliance = Compliance.Unmarked,
                RawCompliance = "",
                DeclaredEarned = null,
            })],
        })],
        RawDeclaredPerformance = "",
        DeclaredPerformance = null,
        DeclaredPerformanceLocation = null,
    };

    // Rule 6: every objective needs its III.4 row; the new year's analysis starts blank.
    private static IEnumerable<ProgressRow> ProgressRowsFor(WorkProgram program) =>
        program.Objectives
            .Where(objective => objective.Text.Length > 0)
            .Select((objective, i) => new ProgressRow
            {
                Program = FormVocabulary.ProgressProgram(program.Section),
                Objective = objective.Text,
                Location = new SourceLocation(Section.III4, i + 1),
            });
}
