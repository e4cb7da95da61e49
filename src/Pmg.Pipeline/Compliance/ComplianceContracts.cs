using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Recalculation;

/// <summary>Recalculates regional and national compliance from the stored activities, queues alerts and writes the report.</summary>
public interface IComplianceService
{
    /// <summary>
    /// Recalculates every service and year with current submissions (or only the given ones): re-scores each region
    /// from its stored rows, the national result per programme, the activities at risk, the alert digests and the
    /// consolidated workbook.
    /// </summary>
    Task<RecalculationSummary> RecalculateAsync(string? service = null, int? year = null, IProgress<RecalculationProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Progress of a recalculation, for a progress display.</summary>
/// <param name="Service">The service being recalculated.</param>
/// <param name="Year">The year.</param>
/// <param name="Done">Regions scored so far in this service-year.</param>
/// <param name="Total">Regions with a current submission in this service-year.</param>
public sealed record RecalculationProgress(string Service, int Year, int Done, int Total);

/// <summary>What one recalculation did.</summary>
/// <param name="Results">One entry per service and year recalculated.</param>
public sealed record RecalculationSummary(IReadOnlyList<ServiceYearResult> Results);

/// <summary>The outcome of one service and year.</summary>
/// <param name="Service">Service.</param>
/// <param name="Year">Year.</param>
/// <param name="Regions">Regional results of the current submissions.</param>
/// <param name="National">National result per programme.</param>
/// <param name="AtRisk">Every activity currently at risk.</param>
/// <param name="DigestsQueued">Digests queued on the alerts queue by this run.</param>
/// <param name="ReportName">The timestamped report blob name.</param>
/// <param name="Attempts">How many times the service-year was computed (more than one when an ingestion raced it).</param>
public sealed record ServiceYearResult(
    string Service,
    int Year,
    IReadOnlyList<RegionalScore> Regions,
    IReadOnlyList<NationalResult> National,
    IReadOnlyList<AtRiskActivity> AtRisk,
    int DigestsQueued,
    string ReportName,
    int Attempts);

/// <summary>A region's programme results as recalculated from one submission.</summary>
/// <param name="Pointer">The current-submission pointer scored.</param>
/// <param name="Evaluation">The rules' verdict on the rebuilt submission.</param>
public sealed record RegionalScore(CurrentSubmission Pointer, SubmissionEvaluation Evaluation);

/// <summary>An activity at risk, with one reason.</summary>
/// <param name="RegionCode">Region ISO code.</param>
/// <param name="Section">Programme.</param>
/// <param name="ObjectiveNumber">1-based objective number within the programme.</param>
/// <param name="Objective">Objective text.</param>
/// <param name="Activity">Activity text.</param>
/// <param name="Unit">Unidad responsable as written (trimmed).</param>
/// <param name="Compliance">The activity's mark.</param>
/// <param name="Reason">Machine reason (<see cref="AlertReasons"/>).</param>
/// <param name="ReasonText">Spanish sentence.</param>
/// <param name="Quote">Words quoted from the III.4 progress text, or null.</param>
/// <param name="Action">What to do, in Spanish.</param>
public sealed record AtRiskActivity(
    string RegionCode,
    Section Section,
    int ObjectiveNumber,
    string Objective,
    string Activity,
    string Unit,
    Compliance Compliance,
    string Reason,
    string ReasonText,
    string? Quote,
    string Action)
{
    /// <summary>Identifies the activity and reason within a region (the alert ledger's row key is its hash).</summary>
    public string Key => string.Join('\u001f', Section.Code(), ObjectiveNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Objective, Activity, Reason);

    /// <summary>What "its status changed" compares: the mark and the quoted words.</summary>
    public string Fingerprint => Compliance + "|" + (Quote ?? "");

    /// <summary>As an item of an alert digest.</summary>
    public AlertItem ToItem() => new(Section.Code(), Objective, Activity, Unit, Reason, ReasonText, Quote, Action);
}

/// <summary>The tables the recalculation reads and writes (Activities, ProgressRows, CurrentSubmissions, RegionalResults, NationalResults).</summary>
public interface IComplianceStore
{
    /// <summary>Every current-submission pointer (with ETag), optionally of one service and/or year.</summary>
    Task<IReadOnlyList<CurrentSubmission>> ListCurrentAsync(string? service, int? year, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the submission a pointer names from its stored Activities and ProgressRows.</summary>
    Task<Submission> LoadSubmissionAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default);

    /// <summary>Writes the recalculated programme results of the pointer's submission (its RegionalResults rows).</summary>
    Task SaveRegionalResultsAsync(CurrentSubmission pointer, SubmissionEvaluation evaluation, CancellationToken cancellationToken = default);

    /// <summary>The stored national results of a service and year, with their ETags.</summary>
    Task<IReadOnlyList<StoredNationalResult>> GetNationalResultsAsync(string service, int year, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a national result; replace only if its ETag is unchanged. False on a concurrent change.</summary>
    Task<bool> TrySaveNationalResultAsync(StoredNationalResult result, CancellationToken cancellationToken = default);
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

/// <summary>The alert ledger (AlertLedger: PK <c>{service}|{year}|{region}</c>, RK hash of activity and reason).</summary>
public interface IAlertLedger
{
    /// <summary>The ledger entries of one region.</summary>
    Task<IReadOnlyList<AlertLedgerEntry>> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces entries.</summary>
    Task SaveAsync(string service, int year, string regionCode, IReadOnlyList<AlertLedgerEntry> entries, CancellationToken cancellationToken = default);
}

/// <summary>One alerted activity and reason.</summary>
/// <param name="Key">Hash of the activity and reason (the row key).</param>
/// <param name="Fingerprint">The state alerted (mark and quote); a change alerts again.</param>
/// <param name="LastAlertedAt">When it was last put in a digest.</param>
/// <param name="Resolved">True once it was no longer at risk; it is alerted again if it comes back.</param>
/// <param name="Unit">The unit alerted.</param>
/// <param name="Activity">The activity's text (for people reading the table).</param>
public sealed record AlertLedgerEntry(string Key, string Fingerprint, DateTimeOffset LastAlertedAt, bool Resolved, string Unit, string Activity);

/// <summary>Queues alert digests on the <c>alerts</c> queue.</summary>
public interface IAlertQueue
{
    /// <summary>Queues one digest.</summary>
    Task EnqueueAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default);
}

/// <summary>Stores generated reports in the <c>reports</c> container.</summary>
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
