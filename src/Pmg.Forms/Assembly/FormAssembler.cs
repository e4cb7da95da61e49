using System.Globalization;
using System.Text.RegularExpressions;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Text;
using Pmg.Forms.Layout;

namespace Pmg.Forms.Assembly;

/// <summary>The submission read from a layout (null when the file holds no form) and what was found on the way.</summary>
internal sealed record AssemblyResult(Submission? Submission, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Builds the <see cref="Submission"/> from a format-neutral layout: sections by their headings, the "REGIÓN" row,
/// and tables by their header text, never by position.
/// </summary>
internal static partial class FormAssembler
{
    /// <summary>Assembles a form; a layout with no section table is refused with <see cref="ReadCodes.NoForm"/>.</summary>
    public static AssemblyResult Assemble(FormLayout layout, string fileName, FormReadOptions options)
    {
        var diagnostics = new List<Diagnostic>(layout.Notices);
        var items = FormSections.Flatten(layout);
        var sections = FormSections.Split(items);
        var programs = new List<WorkProgram>();
        var progress = new List<ProgressRow>();
        var regionLabels = new List<Sourced<string>>();
        foreach (var content in sections)
        {
            var label = RegionLabel(content);
            if (label is not null)
            {
                regionLabels.Add(label);
            }

            if (content.Section == Section.III4)
            {
                progress.AddRange(ReadProgress(content));
                continue;
            }

            if (ReadProgram(content, diagnostics, label) is { } program)
            {
                programs.Add(program);
            }
        }

        if (programs.Count == 0 && progress.Count == 0)
        {
            return new AssemblyResult(null, [ReadMessages.NoForm(fileName)]);
        }

        var (region, regionLabel) = Region(regionLabels, options, diagnostics);
        var submission = new Submission
        {
            Service = Service(items, options, diagnostics),
            Year = Year(items, options, diagnostics),
            Region = region,
            RegionLabel = regionLabel,
            SourceFile = fileName,
            Format = layout.Format,
            Programs = programs,
            ProgressRows = progress,
        };
        return new AssemblyResult(submission, diagnostics);
    }

    private static WorkProgram? ReadProgram(SectionContent content, List<Diagnostic> diagnostics, Sourced<string>? region)
    {
        CoordinatingBody? body = null;
        for (var i = 0; i < content.Items.Count; i++)
        {
            if (content.Items[i].Row is not { } row || HeaderMap.TryRecognise(row) is not { } header)
            {
                continue;
            }

            if (header.Kind == TableKind.CoordinatingBody)
            {
                body ??= ReadBody(header, FormSections.DataRows(content.Items, i));
                continue;
            }

            if (header.Kind != TableKind.Objectives)
            {
                continue;
            }

            var reader = new ObjectivesTableReader(content.Section, header, diagnostics);
            var objectives = reader.Read(FormSections.DataRows(content.Items, i));
            var declared = DeclaredPerformanceReader.Read(content, i, diagnostics);
            return new WorkProgram
            {
                Section = content.Section,
                Title = content.Title,
                RegionLabel = region?.Value,
                CoordinatingBody = body,
                Objectives = objectives,
                Location = new SourceLocation(content.Section),
                RawDeclaredPerformance = declared?.Raw ?? "",
                DeclaredPerformance = declared?.Points,
                DeclaredPerformanceLocation = declared?.Location,
            };
        }

        diagnostics.Add(ReadMessages.TableMissing(content.Section));
        return null;
    }

    private static CoordinatingBody? ReadBody(HeaderMap header, IReadOnlyList<LayoutRow> rows)
    {
        var row = rows.FirstOrDefault(r => !r.IsBlank);
        if (row is null)
        {
            return null;
        }

        string Text(ColumnKind kind) => header.Cell(row, kind)?.Text ?? "";
        return new CoordinatingBody(
            Text(ColumnKind.BodyName),
            Text(ColumnKind.BodyProblem),
            Text(ColumnKind.BodyTerritories),
            Text(ColumnKind.BodyInstitutions),
            header.Cell(row, ColumnKind.BodyProducts)?.TextLines ?? []);
    }

    // III.4: the programme column is written once and left blank (or merged) below; a row with no objective
    // continues the row above after a page break.
    private static List<ProgressRow> ReadProgress(SectionContent content)
    {
        for (var i = 0; i < content.Items.Count; i++)
        {
            if (content.Items[i].Row is { } row && HeaderMap.TryRecognise(row) is { Kind: TableKind.Progress } header)
            {
                return ReadProgressRows(header, FormSections.DataRows(content.Items, i));
            }
        }

        return [];
    }

    private static List<ProgressRow> ReadProgressRows(HeaderMap header, List<LayoutRow> rows)
    {
        var result = new List<ProgressRow>();
        var program = "";
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            string Text(ColumnKind kind) => header.Cell(row, kind) is { ContinuesAbove: false } cell ? cell.Text : "";
            if (row.IsBlank)
            {
                continue;
            }

            if (Text(ColumnKind.ProgressProgram) is { Length: > 0 } written)
            {
                program = written;
            }

            var objective = Text(ColumnKind.ProgressObjective);
            if (objective.Length == 0 && result.Count > 0)
            {
                var last = result[^1];
                result[^1] = last with
                {
                    Progress = Words.Join(last.Progress, Text(ColumnKind.Progress)),
                    AuthorityMeasures = Words.Join(last.AuthorityMeasures, Text(ColumnKind.AuthorityMeasures)),
                    Recommendations = Words.Join(last.Recommendations, Text(ColumnKind.Recommendations)),
                    Responsible = Words.Join(last.Responsible, Text(ColumnKind.Responsible)),
                };
                continue;
            }

            result.Add(new ProgressRow
            {
                Program = program,
                Objective = objective,
                Progress = Text(ColumnKind.Progress),
                AuthorityMeasures = Text(ColumnKind.AuthorityMeasures),
                Recommendations = Text(ColumnKind.Recommendations),
                Responsible = Text(ColumnKind.Responsible),
                Location = new SourceLocation(Section.III4, i + 1),
            });
        }

        return result;
    }

    // "REGIÓN (1) | Tarapacá" or "REGIÓN (1) TARAPACÁ" in one cell.
    private static Sourced<string>? RegionLabel(SectionContent content)
    {
        foreach (var item in content.Items)
        {
            if (item.Row is not { FirstFilled: { } first } row || TextPatterns.Match(RegionPattern(), first.Text) is not { Success: true } match)
            {
                continue;
            }

            var inline = match.Groups["value"].Value.Trim();
            var valueCell = inline.Length > 0 ? first : row.FilledAfter(first);
            var value = inline.Length > 0 ? inline : valueCell?.Text ?? "";
            return value.Length == 0 ? null : new Sourced<string>(value, new SourceLocation(content.Section, null, "REGIÓN", valueCell?.Reference));
        }

        return null;
    }

    private static (Region? Region, string? Label) Region(List<Sourced<string>> labels, FormReadOptions options, List<Diagnostic> diagnostics)
    {
        Region? expected = null;
        if (!string.IsNullOrWhiteSpace(options.Region) && RegionCatalog.TryResolve(options.Region, out var fromOptions))
        {
            expected = fromOptions;
        }

        // The first region the document states and that resolves is the document's. A region stated but understood
        // nowhere (a look-alike letter of another alphabet, a typo) is not "no region": the region the file was
        // sent for must not stand in for it.
        (Region Region, Sourced<string> Label)? resolved = null;
        foreach (var label in labels)
        {
            if (RegionCatalog.TryResolve(label.Value, out var region))
            {
                resolved = (region, label);
                break;
            }
        }

        if (resolved is null && labels.Count > 0)
        {
            diagnostics.Add(ReadMessages.RegionUnreadable(labels[0].Value, labels[0].Location));
            return (null, labels[0].Value);
        }

        if (resolved is { } found)
        {
            if (expected is not null && expected.Code != found.Region.Code)
            {
                diagnostics.Add(ReadMessages.RegionMismatch(found.Region.Name, expected.Name, found.Label.Location));
            }

            return (found.Region, found.Label.Value);
        }

        if (expected is null)
        {
            diagnostics.Add(ReadMessages.RegionUnknown(null, SourceLocation.Document));
            return (null, options.Region);
        }

        diagnostics.Add(ReadMessages.RegionFromPath(expected));
        return (expected, expected.Name);
    }

    private static int Year(IReadOnlyList<LayoutItem> items, FormReadOptions options, List<Diagnostic> diagnostics)
    {
        var texts = items.Select(i => i.LoneText).OfType<string>()
            .Concat(items.SelectMany(i => i.Row?.Cells.Select(c => c.Text) ?? []));
        int? fromDocument = null;
        foreach (var text in texts)
        {
            if (TextPatterns.Match(YearPattern(), text) is { Success: true } match)
            {
                fromDocument = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
                break;
            }
        }

        if (fromDocument is { } year)
        {
            if (options.Year is { } expected && expected != year)
            {
                diagnostics.Add(ReadMessages.YearMismatch(year, expected));
            }

            return year;
        }

        if (options.Year is { } fallback)
        {
            return fallback;
        }

        diagnostics.Add(ReadMessages.YearMissing());
        return 0;
    }

    // "Servicio: SERNAM" as a paragraph, or a "Servicio" cell followed by the name.
    private static string Service(IReadOnlyList<LayoutItem> items, FormReadOptions options, List<Diagnostic> diagnostics)
    {
        string? fromDocument = null;
        foreach (var item in items)
        {
            var first = item.Row?.FirstFilled;
            var text = item.Paragraph ?? first?.Text;
            if (text is null || TextPatterns.Match(ServicePattern(), text) is not { Success: true } match)
            {
                continue;
            }

            var value = match.Groups["value"].Value.Trim();
            fromDocument = value.Length > 0 ? value : first is null ? null : item.Row!.FilledAfter(first)?.Text;
            if (!string.IsNullOrWhiteSpace(fromDocument))
            {
                break;
            }
        }

        var expected = options.Service?.Trim();
        if (string.IsNullOrWhiteSpace(fromDocument))
        {
            return expected ?? "";
        }

        if (!string.IsNullOrEmpty(expected) && TextNormalizer.Normalize(expected) != TextNormalizer.Normalize(fromDocument))
        {
            diagnostics.Add(ReadMessages.ServiceMismatch(fromDocument, expected));
        }

        return fromDocument;
    }

    // Document text is hostile: every pattern runs in linear time (NonBacktracking), with a timeout as a second line.
    [GeneratedRegex(@"^\s*REGI[OÓ]N\s*(?:\(\s*\d+\s*\)\s*:?|:|$)\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TextPatterns.TimeoutMilliseconds)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"\b(?:GT|Territorial|Trabajo)\s+(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TextPatterns.TimeoutMilliseconds)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\s*Servicio\s*(?::|$)\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TextPatterns.TimeoutMilliseconds)]
    private static partial Regex ServicePattern();
}
