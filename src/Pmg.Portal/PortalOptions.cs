using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pmg.Portal;

/// <summary>Settings of section <c>Pmg:Portal</c>.</summary>
public sealed class PortalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Pmg:Portal";

    /// <summary>The default upload limit: 20 MiB.</summary>
    public const long DefaultMaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>The setting App Service (and so Azure Functions) defines on every app: its presence means "running in Azure".</summary>
    public const string AzureSiteNameVariable = "WEBSITE_SITE_NAME";

    /// <summary>
    /// A developer acts as any role (chosen on <c>/local</c>), with a visible "modo local" banner. Default false; the app
    /// refuses to start with it on in Azure (<see cref="AzureSiteNameVariable"/> set).
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>The portal's public address (used in e-mails); empty = not configured.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The largest form accepted, in bytes (default 20 MiB); larger uploads are refused before anything is read.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}

/// <summary>Checks <see cref="PortalOptions"/> at start-up, including that local mode is never on in Azure.</summary>
internal sealed class PortalOptionsValidator(IConfiguration configuration) : IValidateOptions<PortalOptions>
{
    /// <summary>The most the Functions host forwards in one request (100 MB); a larger limit could never be reached.</summary>
    private const long HostRequestLimit = 100L * 1000 * 1000;

    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        if (options.LocalMode && !string.IsNullOrWhiteSpace(configuration[PortalOptions.AzureSiteNameVariable]))
        {
            failures.Add($"Pmg:Portal:LocalMode is on but {PortalOptions.AzureSiteNameVariable} is set: local mode (anyone acts as any role) can never run in Azure. Remove the setting Pmg__Portal__LocalMode.");
        }

        if (options.MaxUploadBytes is < 1024 or > HostRequestLimit)
        {
            failures.Add($"Pmg:Portal:MaxUploadBytes must be between 1024 and {HostRequestLimit} bytes.");
        }

        if (options.PublicUrl.Length > 0
            && (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("Pmg:Portal:PublicUrl must be empty or an absolute http(s) address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
