using Pmg.Domain.Reports;

namespace Pmg.Forms.Reports;

/// <summary>The <see cref="IReportWriter"/> of the hosts: the .xlsx workbook of <see cref="ConsolidatedReportWriter"/>.</summary>
public sealed class XlsxReportWriter : IReportWriter
{
    /// <inheritdoc />
    public void Write(Stream output, ConsolidatedReport report) => ConsolidatedReportWriter.Write(output, report);
}
