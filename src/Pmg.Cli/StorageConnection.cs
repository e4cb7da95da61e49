using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pmg.Hosting;
using Pmg.Pipeline;
using Pmg.Storage;

namespace Pmg.Cli;

/// <summary>
/// The storage account a command talks to, shared by every command that reads or writes storage (upload, status,
/// recalc…): the options <c>--connection-string</c>, <c>--account-url</c> and the hidden <c>--storage-prefix</c>, and
/// the service provider built from them with the hosts' own chain (<c>AddPmgApplication</c>).
/// </summary>
/// <remarks>
/// Precedence: <c>--connection-string</c> or <c>--account-url</c> (DefaultAzureCredential: az login, environment,
/// managed identity…) → the setting <c>PmgStorage</c> from the environment (a connection string, or
/// <c>PmgStorage__blobServiceUri</c>/<c>queueServiceUri</c>/<c>tableServiceUri</c>) → Azurite
/// (<c>UseDevelopmentStorage=true</c>). The name prefix comes from <c>--storage-prefix</c> or <c>Pmg__Storage__Prefix</c>;
/// the other <c>Pmg__…</c> settings (Services, ExpectedRegions, ClosingMonthDay) are read from the environment too.
/// </remarks>
internal sealed class StorageConnection
{
    /// <summary>Azurite's well-known development connection.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Connection string of the account.</summary>
    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        HelpName = "CADENA",
        Description = "Cadena de conexión de la cuenta de almacenamiento (por omisión: la variable PmgStorage o Azurite, UseDevelopmentStorage=true).",
    };

    /// <summary>Blob endpoint of the account, used with DefaultAzureCredential.</summary>
    public Option<string?> AccountUrl { get; } = new("--account-url")
    {
        HelpName = "URL",
        Description = "URL de la cuenta (https://CUENTA.blob.core.windows.net); se autentica con DefaultAzureCredential (az login, identidad administrada…).",
    };

    /// <summary>Storage name prefix (tests, instances sharing one account); hidden from help.</summary>
    public Option<string?> Prefix { get; } = new("--storage-prefix")
    {
        HelpName = "PREFIJO",
        Description = "Prefijo de tablas, contenedores y colas (Pmg:Storage:Prefix); para pruebas o instancias que comparten una cuenta.",
        Hidden = true,
    };

    /// <summary>Adds the options and their validation to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConnectionString);
        command.Options.Add(AccountUrl);
        command.Options.Add(Prefix);
        command.Validators.Add(Validate);
    }

    /// <summary>The configuration of a run: defaults, then the environment, then the command line.</summary>
    public IConfiguration BuildConfiguration(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var overrides = new Dictionary<string, string?>();
        if (parseResult.GetValue(ConnectionString) is { Length: > 0 } connectionString)
        {
            overrides[PmgStorageOptions.ConnectionName] = connectionString;
        }
        else if (parseResult.GetValue(AccountUrl) is { Length: > 0 } accountUrl)
        {
            var blobUri = new Uri(accountUrl, UriKind.Absolute);
            overrides[PmgStorageOptions.ConnectionName] = "";
            overrides[PmgStorageOptions.ConnectionName + ":blobServiceUri"] = blobUri.ToString();
            overrides[PmgStorageOptions.ConnectionName + ":queueServiceUri"] = SiblingEndpoint(blobUri, "queue").ToString();
            overrides[PmgStorageOptions.ConnectionName + ":tableServiceUri"] = SiblingEndpoint(blobUri, "table").ToString();

            // A workstation signs in as a person (az login, Visual Studio, environment), not as the app's managed identity.
            overrides[PmgStorageOptions.ConnectionName + ":credential"] = "";
        }
        else if (string.IsNullOrWhiteSpace(environment[PmgStorageOptions.ConnectionName])
            && string.IsNullOrWhiteSpace(environment[PmgStorageOptions.ConnectionName + ":blobServiceUri"]))
        {
            overrides[PmgStorageOptions.ConnectionName] = DevelopmentStorage;
        }

        if (parseResult.GetValue(Prefix) is { Length: > 0 } prefix)
        {
            overrides[PmgStorageOptions.SectionName + ":Prefix"] = prefix;
        }

        return new ConfigurationBuilder()
            .AddConfiguration(environment)
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>
    /// The services of a storage command over this run's account: the hosts' own chain (AddPmgApplication: use cases,
    /// status read model, storage adapters), plus what a workstation run adds on top: silent logging, and
    /// <see cref="PmgOptions"/> without the hosts' start-up validation, since a coordinator reads the status or uploads
    /// without a Pmg:Services list (it only fixes the casing here). Nothing connects until a command uses storage.
    /// </summary>
    public static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPmgApplication(configuration);
        services.RemoveAll<IValidateOptions<PmgOptions>>();
        return services.BuildServiceProvider();
    }

    /// <summary>A short Spanish reason for a storage failure, for messages such as "No se pudo …: {reason}".</summary>
    public static string Describe(Exception exception) => exception switch
    {
        // The SDK reports a request that failed on every retry as an AggregateException of the attempts.
        AggregateException { InnerExceptions.Count: > 0 } attempts => Describe(attempts.InnerExceptions[^1]),
        Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException =>
            "no se pudo autenticar con Azure; inicie sesión con «az login» o revise la identidad configurada",
        Azure.RequestFailedException { Status: 0 } =>
            "no se pudo conectar con el almacenamiento (¿está Azurite en marcha o es correcta la cuenta?)",
        Azure.RequestFailedException { Status: 401 or 403 } =>
            "el almacenamiento rechazó el acceso (revise la cadena de conexión o los roles de la identidad)",
        Azure.RequestFailedException failed =>
            $"el almacenamiento respondió {failed.Status} ({failed.ErrorCode ?? "sin código"})",
        HttpRequestException or TaskCanceledException or TimeoutException =>
            "no se pudo conectar con el almacenamiento (¿está Azurite en marcha o es correcta la cuenta?)",
        IOException or UnauthorizedAccessException => "no se pudo leer el archivo local",
        FormatException or ArgumentException or InvalidOperationException =>
            "la cadena de conexión o la configuración del almacenamiento no es válida",
        _ => "el almacenamiento falló de una forma inesperada",
    };

    /// <summary>
    /// Says on standard error what could not be done and why («No se pudo leer el estado: …»), and returns
    /// <see cref="PmgCommandLine.StorageFailure"/>: a storage or sign-in failure, never a form's fault.
    /// </summary>
    public static async Task<int> FailAsync(CliEnvironment environment, string whatFailed, Exception exception, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        await environment.Error.WriteLineAsync($"{whatFailed}: {Describe(exception)}.".AsMemory(), cancellationToken).ConfigureAwait(false);
        await environment.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
        return PmgCommandLine.StorageFailure;
    }

    /// <summary>Whether <see cref="Describe"/> knows the failure: storage, network, credentials or local I/O, not a bug.</summary>
    public static bool IsExpected(Exception exception) =>
        (exception is AggregateException { InnerExceptions.Count: > 0 } attempts && attempts.InnerExceptions.All(IsExpected))
        || exception is Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException
            or HttpRequestException or TimeoutException or IOException or UnauthorizedAccessException or FormatException
            or ArgumentException or InvalidOperationException
        || (exception is TaskCanceledException canceled && !canceled.CancellationToken.IsCancellationRequested);

    private void Validate(CommandResult result)
    {
        var connectionString = result.GetValue(ConnectionString);
        var accountUrl = result.GetValue(AccountUrl);
        if (connectionString is not null && accountUrl is not null)
        {
            result.AddError("use --connection-string o --account-url, no ambas.");
        }

        if (connectionString is { } text && string.IsNullOrWhiteSpace(text))
        {
            result.AddError("--connection-string está vacía.");
        }

        if (accountUrl is not null
            && (!Uri.TryCreate(accountUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !uri.Host.Contains(".blob.", StringComparison.OrdinalIgnoreCase)))
        {
            result.AddError($"--account-url «{accountUrl}» no es el punto de conexión de blobs de una cuenta; use https://CUENTA.blob.core.windows.net (para Azurite, --connection-string).");
        }

        if (result.GetValue(Prefix) is { } prefix
            && (prefix.Length is 0 or > 20 || !char.IsAsciiLetterLower(prefix[0]) || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
        {
            result.AddError($"--storage-prefix «{prefix}» debe tener solo minúsculas y dígitos, empezar con una letra y tener a lo más 20 caracteres.");
        }
    }

    // https://acct.blob.core.windows.net → https://acct.queue.core.windows.net; other hosts (Azurite's
    // http://127.0.0.1:10000/devstoreaccount1) have no sibling naming and must use a connection string.
    private static Uri SiblingEndpoint(Uri blobUri, string service)
    {
        var host = blobUri.Host;
        var marker = host.IndexOf(".blob.", StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? blobUri : new UriBuilder(blobUri) { Host = host[..marker] + "." + service + "." + host[(marker + 6)..] }.Uri;
    }
}
