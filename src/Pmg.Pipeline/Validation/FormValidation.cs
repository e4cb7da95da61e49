using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Json;

namespace Pmg.Pipeline.Validation;

/// <summary>
/// What <c>pmg validate</c> says about one form — programmes, weights, performance, status, every diagnostic with its
/// location — filled into the contract (<see cref="ValidateFileJson"/>) once, for the CLI's <c>--json</c> and the
/// portal's pages and <c>/api/…/validate</c>.
/// </summary>
public static class FormValidation
{
    /// <summary>Reads a form with <paramref name="reader"/> and, when it is accepted, applies the form rules. Never throws for bad files.</summary>
    public static async Task<EvaluatedFile> EvaluateAsync(IFormReader reader, Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var read = await reader.ReadAsync(content, fileName, options, cancellationToken).ConfigureAwait(false);
        return new EvaluatedFile(read, read.Submission is { } submission ? FormRules.Evaluate(submission) : null);
    }

    /// <summary>"docx", "xlsx", or null when the format is unknown.</summary>
    public static string? FormatName(FormFormat format) => format switch
    {
        FormFormat.Word => "docx",
        FormFormat.Excel => "xlsx",
        _ => null,
    };

    /// <summary>The contract of one evaluated file.</summary>
    public static ValidateFileJson Describe(EvaluatedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var submission = file.Read.Submission;
        var region = submission?.Region is { } r ? new RegionJson(r.Code, r.Name) : null;
        return new ValidateFileJson(
            file.Read.FileName,
            file.Read.Accepted,
            FormatName(file.Read.Format),
            string.IsNullOrEmpty(submission?.Service) ? null : submission.Service,
            submission?.Year,
            region,
            file.Evaluation?.Programs.Select(Program).ToList() ?? [],
            submission?.ProgressRows.Count,
            file.Diagnostics.Select(Diagnostic).ToList());
    }

    /// <summary>A diagnostic in the contract's form.</summary>
    public static DiagnosticJson Diagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new(diagnostic.SeverityName, diagnostic.Code, diagnostic.Message, diagnostic.Location?.ToString());
    }

    private static ProgramJson Program(ProgramResult result) => new(
        result.Section.Code(),
        result.Objectives,
        result.Activities,
        ContractNumbers.TwoDecimals(result.WeightTotal),
        ContractNumbers.TwoDecimals(result.EarnedWeight),
        ContractNumbers.TwoDecimals(result.Performance),
        result.Status.Label());
}
