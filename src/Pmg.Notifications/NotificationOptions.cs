namespace Pmg.Notifications;

/// <summary>Settings of section "SendGrid": the API key (a Key Vault reference in Azure), the sender and the retry tuning.</summary>
public sealed class SendGridOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SendGrid";

    /// <summary>The start-up refusal of a key that is still an unresolved App Service Key Vault reference.</summary>
    public const string UnresolvedKeyVaultMessage =
        "SendGrid:ApiKey still reads '@Microsoft.KeyVault(…)': App Service could not resolve the Key Vault reference, so " +
        "no e-mail could be sent. Give the app's identity 'Key Vault Secrets User' on the vault and check the secret " +
        "SendGrid-ApiKey exists (Function app → Environment variables shows the reference's status), then restart the app.";

    /// <summary>The API key; empty = no SendGrid (the pickup folder sender is used).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Whether <paramref name="apiKey"/> is a Key Vault reference App Service left unresolved (it passes the text on as is).</summary>
    public static bool IsUnresolvedKeyVaultReference(string? apiKey) =>
        apiKey?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The sender's address.</summary>
    public string FromEmail { get; set; } = "pmg-no-responder@example.org";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "PMG Gestión Territorial";

    /// <summary>The API's base address (tests point it at a stub).</summary>
    public string Host { get; set; } = "https://api.sendgrid.com";

    /// <summary>Retries after the first attempt (5xx, timeouts, 429).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Base delay of the exponential, jittered backoff.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for a 429's X-RateLimit-Reset; a later reset leaves the message to the queue's retry.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of each attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit stays open.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether the SendGrid sender is used.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>Settings of section "Notifications".</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Notifications";

    /// <summary>Folder where the pickup sender writes one .eml per e-mail when no SendGrid key is configured.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";
}
