using System.Globalization;
using System.Text;
using CsCheck;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Templates;

namespace Pmg.Forms.Tests.Templates;

/// <summary>
/// The round trip as a property: any form the generators make, written by the template writer in both formats and in
/// each layout offices use (one row per activity with the objective's cells merged; activities as paragraphs or lines
/// of one cell), reads back through the real <see cref="FormReader"/> to the same form, with no diagnostic, and its
/// declared earned weights and performance (Excel: the live formulas' values) agree with the rules.
/// </summary>
public sealed class TemplateRoundTripTests
{
    // 250 generated forms per layout, 500 in all, each written and read in both formats.
    private const long FormsPerLayout = 250;

    [Fact]
    public Task WriteThenRead_AnyForm_OneRowPerActivityWithMergedObjectiveCells_ReadsBackToTheSameForm() =>
        RoundTripAsync(TemplateLayout.RowPerActivity);

    [Fact]
    public Task WriteThenRead_AnyForm_ActivitiesAsParagraphsOfOneCell_ReadsBackToTheSameForm() =>
        RoundTripAsync(TemplateLayout.ActivitiesInOneCell);

    private static Task RoundTripAsync(TemplateLayout layout) =>
        SubmissionGenerators.Submission.Select(generated => WithDeclaredValues(ExpressibleIn(generated, layout))).SampleAsync(
            async expected =>
            {
                foreach (var format in new[] { FormFormat.Word, FormFormat.Excel })
                {
                    var read = await TemplateFiles.ReadAsync(await TemplateFiles.WriteAsync(expected, format, layout), format);

                    Assert.True(read.Accepted, $"{format}: refused");
                    Assert.Equal("", string.Join('\n', read.Diagnostics.Select(d => $"{format}: {d.Code} {d.Message} ({d.Location})")));
                    Assert.Equal(Snapshot(expected), Snapshot(read.Submission!));
                    var declared = FormRules.Evaluate(read.Submission!).Diagnostics.Where(d => d.Code is RuleCodes.DeclaredPerformanceMismatch or RuleCodes.EarnedMismatch);
                    Assert.Empty(declared);
                }
            },
            iter: FormsPerLayout,
            print: Snapshot);

    /// <summary>
    /// The same form as a layout can hold it. One row per activity: a blank unit or means below an objective's first
    /// row repeats the one above (as a merged cell does). Activities in one cell: an objective's units, means and
    /// weights are given for every activity or for none, else the lines would not say which is whose.
    /// </summary>
    private static Submission ExpressibleIn(Submission submission, TemplateLayout layout) => submission with
    {
        Programs = [.. submission.Programs.Select(program => program with
        {
            Objectives = [.. program.Objectives.Select(objective => objective with
            {
                Activities = layout == TemplateLayout.RowPerActivity ? RepeatedDown(objective.Activities) : AllOrNone(objective.Activities),
            })],
        })],
    };

    private static List<Activity> RepeatedDown(IReadOnlyList<Activity> activities)
    {
        var result = new List<Activity>();
        foreach (var activity in activities)
        {
            var above = result.LastOrDefault();
            result.Add(activity with
            {
                Unit = activity.Unit.Length == 0 && above is not null ? above.Unit : activity.Unit,
                Means = activity.Means.Length == 0 && above is not null ? above.Means : activity.Means,
            });
        }

        return result;
    }

    private static List<Activity> AllOrNone(IReadOnlyList<Activity> activities)
    {
        var units = activities.All(a => a.Unit.Length > 0);
        var means = activities.All(a => a.Means.Length > 0);
        var weights = activities.All(a => a.Weight is not null);
        return [.. activities.Select(a => a with
        {
            Unit = units ? a.Unit : "",
            Means = means ? a.Means : "",
            Weight = weights ? a.Weight : null,
        })];
    }

    /// <summary>
    /// The declared earned weight and performance a careful office writes (and the workbook's formulas compute): the
    /// weight of a complied activity, 0 if not complied; the performance when the programme's status is final and
    /// every activity has a weight.
    /// </summary>
    private static Submission WithDeclaredValues(Submission submission)
    {
        var withEarned = submission with
        {
            Programs = [.. submission.Programs.Select(program => program with
            {
                Objectives = [.. program.Objectives.Select(objective => objective with
                {
                    Activities = [.. objective.Activities.Select(a => a with
                    {
                        DeclaredEarned = a.Weight is not { } weight ? null
                            : a.Compliance == Compliance.Complied ? weight
                            : a.Compliance == Compliance.NotComplied ? 0m
                            : null,
                    })],
                })],
            })],
        };
        var results = FormRules.Evaluate(withEarned).Programs;
        return withEarned with
        {
            Programs = [.. withEarned.Programs.Select(program =>
            {
                var result = results.SingleOrDefault(r => r.Section == program.Section);
                var final = result is { Status: ProgramStatus.Cumple or ProgramStatus.NoCumple } && program.Activities.All(a => a.Weight is not null);
                return program with { DeclaredPerformance = final ? result!.DisplayPerformance : null };
            })],
        };
    }

    /// <summary>Everything a form says, one line per element, as both the expectation and the reading are compared.</summary>
    private static string Snapshot(Submission submission)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{submission.Service} | {submission.Year} | {submission.Region?.Code}");
        foreach (var program in submission.Programs.Where(p => p.Objectives.Count > 0 || p.CoordinatingBody is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{program.Section.Code()} desempeño declarado {Points(program.DeclaredPerformance is { } d ? Math.Round(d, 2, MidpointRounding.AwayFromZero) : null)}");
            if (program.CoordinatingBody is { } body)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  instancia: {body.Name} | {body.Problem} | {body.Territories} | {body.Institutions} | {string.Join(" / ", body.Products)}");
            }

            foreach (var objective in program.Objectives)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  objetivo: {objective.Text} | {objective.Category} | {string.Join(" / ", objective.Indicators)} | {objective.AnnualResult}");
                foreach (var activity in objective.Activities)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    actividad: {activity.Text} | {activity.Unit} | {activity.Means} | {Points(activity.Weight)} | {activity.Compliance} | {Points(activity.DeclaredEarned)}");
                }
            }
        }

        foreach (var row in submission.ProgressRows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"III.4: {row.Program} | {row.Objective} | {row.Progress} | {row.AuthorityMeasures} | {row.Recommendations} | {row.Responsible}");
        }

        return text.ToString();
    }

    private static string Points(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "—";
}
