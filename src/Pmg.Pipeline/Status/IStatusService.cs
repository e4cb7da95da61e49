namespace Pmg.Pipeline.Status;

/// <summary>
/// The status read model: what the pipeline recorded, as <c>pmg status</c> and the portal show it. It reads the results
/// ingestion and the recalculation stored (a few table queries per service-year), never re-scores a form.
/// </summary>
public interface IStatusService
{
    /// <summary>
    /// Per service and year, each region's current submission with its scores and activities at risk, and the national
    /// line; then refused and failed uploads and e-mails that could not be sent. Null filters mean all; the service
    /// matches in any casing.
    /// </summary>
    Task<StatusReport> GetAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);
}
