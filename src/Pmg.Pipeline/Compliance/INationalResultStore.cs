namespace Pmg.Pipeline.Compliance;

/// <summary>The national result per programme (NationalResults: PK <c>{service}|{year}</c>, RK section), written by the recalculation.</summary>
public interface INationalResultStore
{
    /// <summary>The stored national results of a service and year, with their ETags (none when never recalculated).</summary>
    Task<IReadOnlyList<StoredNationalResult>> ListAsync(string service, int year, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a national result; replace only if its ETag is unchanged. False on a concurrent change.</summary>
    Task<bool> TrySaveAsync(StoredNationalResult result, CancellationToken cancellationToken = default);
}

/// <summary>A programme's national result as stored (NationalResults: PK <c>{service}|{year}</c>, RK section).</summary>
/// <param name="Service">Service.</param>
/// <param name="Year">Year.</param>
/// <param name="Section">"III.1", "III.2", "III.3".</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE".</param>
/// <param name="Regions">Regions counted.</param>
/// <param name="Complying">Regions that comply.</param>
/// <param name="Missing">Expected regions that sent nothing (ISO codes, comma-separated).</param>
/// <param name="Basis">The submissions it was computed from: "region=submission id" pairs, sorted, comma-separated.</param>
/// <param name="CalculatedAt">When it was computed.</param>
public sealed record StoredNationalResult(string Service, int Year, string Section, string Status, int Regions, int Complying, string Missing, string Basis, DateTimeOffset CalculatedAt)
{
    /// <summary>The stored row's ETag; null for a new row.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether two results say the same (everything but the time and ETag).</summary>
    public bool SameAs(StoredNationalResult other) =>
        other is not null && Service == other.Service && Year == other.Year && Section == other.Section && Status == other.Status
        && Regions == other.Regions && Complying == other.Complying && Missing == other.Missing && Basis == other.Basis;
}
