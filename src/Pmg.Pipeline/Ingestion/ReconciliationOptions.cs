namespace Pmg.Pipeline.Ingestion;

/// <summary>Settings of section "Pmg:Reconciliation": how the background sweeps share the forms container with the blob trigger.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = PmgOptions.SectionName + ":Reconciliation";

    /// <summary>
    /// How long after its last write a blob belongs to its trigger alone: the background sweeps (the recalculation timer,
    /// the local host's start-up and periodic sweeps) ingest only blobs older than this. The default, 5 minutes, is twice
    /// what host.json gives the trigger to finish (5 deliveries, 30 s apart), so a sweep never ingests a blob the trigger
    /// is still retrying — which would run the reader once more than the poison threshold and record and notify twice —
    /// and still takes a blob the trigger missed or abandoned well before the trigger's own 10-minute redelivery of a
    /// message whose worker died. <c>pmg recalc</c> sweeps with no grace: an operator asking now means now.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(5);
}
