namespace Pmg.Domain.Reports;

/// <summary>Renders a <see cref="ConsolidatedReport"/> as a workbook; implemented by the OpenXML adapter (Pmg.Forms).</summary>
public interface IReportWriter
{
    /// <summary>Writes the report to <paramref name="output"/>, leaving the stream open.</summary>
    void Write(Stream output, ConsolidatedReport report);
}
