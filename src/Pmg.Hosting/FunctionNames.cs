namespace Pmg.Hosting;

/// <summary>The names of the functions, the same in both hosts (logs, Application Insights, the blob receipts of the trigger).</summary>
public static class FunctionNames
{
    /// <summary>Blob trigger on the forms container.</summary>
    public const string IngestForm = "IngestForm";

    /// <summary>Queue trigger on the blob extension's poison queue.</summary>
    public const string RecordPoisonedForm = "RecordPoisonedForm";

    /// <summary>Timer of the recalculation.</summary>
    public const string RecalculateCompliance = "RecalculateCompliance";

    /// <summary>Queue trigger on the alerts queue.</summary>
    public const string SendAlertDigest = "SendAlertDigest";

    /// <summary>Queue trigger on the alerts' poison queue.</summary>
    public const string RecordFailedAlertDigest = "RecordFailedAlertDigest";

    /// <summary>Queue trigger on the receipts queue.</summary>
    public const string SendReceipt = "SendReceipt";

    /// <summary>Queue trigger on the receipts' poison queue.</summary>
    public const string RecordFailedReceipt = "RecordFailedReceipt";
}

/// <summary>The recalculation timer's retry, the same in both hosts: a failed run is retried after a fixed delay.</summary>
public static class RecalculationRetry
{
    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetryCount = 3;

    /// <summary>The delay between attempts (a TimeSpan, as the retry attributes take it).</summary>
    public const string Delay = "00:01:00";
}
