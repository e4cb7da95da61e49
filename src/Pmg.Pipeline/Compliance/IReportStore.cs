namespace Pmg.Pipeline.Compliance;

/// <summary>Stores generated reports in the <c>reports</c> container.</summary>
public interface IReportStore
{
    /// <summary>Uploads (overwriting) the workbook under <paramref name="name"/>.</summary>
    Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
}
