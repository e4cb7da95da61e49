namespace Pmg.Pipeline.Compliance;

/// <summary>Stores generated reports in the <c>reports</c> container, and reads them back for the portal.</summary>
public interface IReportStore
{
    /// <summary>Uploads (overwriting) the workbook under <paramref name="name"/>.</summary>
    Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The workbooks of a service and year (<c>{service}/{year}/…</c>): <c>latest.xlsx</c> first, then newest first.</summary>
    Task<IReadOnlyList<StoredReport>> ListAsync(string service, int year, CancellationToken cancellationToken = default);

    /// <summary>Opens one workbook for reading; null when there is none by that name.</summary>
    Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>A stored workbook.</summary>
/// <param name="Name">Its name in the reports container (<c>SERNAM/2009/latest.xlsx</c>).</param>
/// <param name="FileName">The last segment (<c>latest.xlsx</c>, <c>cumplimiento-20261202T101500Z.xlsx</c>).</param>
/// <param name="LastModified">When it was written.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record StoredReport(string Name, string FileName, DateTimeOffset LastModified, long Size);
