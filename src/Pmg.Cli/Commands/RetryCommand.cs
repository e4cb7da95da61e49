using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Recovery;
using Pmg.Storage;
using Spectre.Console;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg retry [--service S] [--year N]`: once the cause of a failure is fixed, ingests again every form recorded as
/// failed and sends again every e-mail recorded as failed (the e-mail ledger still sends each at most once), listing
/// in Spanish what it did. Exit 0 when nothing is left failed, 1 when something still fails.
/// </summary>
internal static class RetryCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "retry";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Vuelve a procesar los formularios fallidos y a enviar los correos fallidos, y dice qué hizo.";

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Reintenta solo este servicio (p. ej. SERNAM); por omisión, todos." };
        var year = new Option<string?>("--year") { HelpName = "AÑO", Description = "Reintenta solo este año (cuatro dígitos); por omisión, todos." };
        var connection = new StorageConnection();
        var command = new Command(Name, Description)
        {
            service,
            year,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(year) is { } text && !(text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                result.AddError($"--year «{text}» debe ser un año de cuatro dígitos (p. ej. 2009).");
            }
        });

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            ServiceScope.With(connection.BuildConfiguration(parseResult), parseResult.GetValue(service)?.Trim()),
            parseResult.GetValue(service)?.Trim(),
            parseResult.GetValue(year) is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : null,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, IConfiguration configuration, string? service, int? year, CancellationToken cancellationToken)
    {
        var services = StorageConnection.BuildServices(configuration);
        await using (services.ConfigureAwait(false))
        {
            var console = environment.Console;
            RetryReport report;
            try
            {
                if (services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.CreateIfMissing)
                {
                    await services.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                }

                report = await services.GetRequiredService<IRetryService>().RetryAsync(service, year, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                console.MarkupLineInterpolated($"[red]No se pudo reintentar: {StorageConnection.Describe(exception)}.[/]");
                return PmgCommandLine.FormErrors;
            }

            Write(console, report);
            var stillFailing = report.Forms.Count(f => f.Result == FormRetryResult.StillFailing)
                + report.Emails.Count(e => e.Result is null or ResendResult.Failed or ResendResult.NoRecipient);
            return stillFailing == 0 ? PmgCommandLine.Success : PmgCommandLine.FormErrors;
        }
    }

    /// <summary>One line per form and per e-mail, then the totals.</summary>
    internal static void Write(IAnsiConsole console, RetryReport report)
    {
        if (report.Forms.Count == 0 && report.Emails.Count == 0)
        {
            console.MarkupLine("No hay formularios ni correos fallidos que reintentar.");
            return;
        }

        foreach (var form in report.Forms)
        {
            var region = form.RegionCode is { } code ? RegionCatalog.FindByCode(code)?.Name ?? code : "sin región";
            console.MarkupLineInterpolated($"Formulario {form.BlobName} ({region}): {Describe(form)}");
        }

        foreach (var email in report.Emails)
        {
            var kind = email.Kind == NotificationKind.Digest ? "Alerta" : "Comprobante";
            var to = email.Recipient.Length > 0 ? email.Recipient : "sin destinatario";
            console.MarkupLineInterpolated($"{kind} «{email.Subject}» a {to}: {Describe(email)}");
        }

        var formsOk = report.Forms.Count(f => f.Result != FormRetryResult.StillFailing);
        var emailsOk = report.Emails.Count(e => e.Result is ResendResult.Sent or ResendResult.AlreadySent);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Formularios procesados de nuevo: {formsOk} de {report.Forms.Count}. Correos enviados: {emailsOk} de {report.Emails.Count}.");
    }

    private static string Describe(RetriedForm form) => form.Result switch
    {
        FormRetryResult.Accepted => form.IsCurrent ? "aceptado; es ahora el formulario vigente de la región." : "aceptado; la región ya tiene una subida más reciente.",
        FormRetryResult.Refused => "rechazado (pmg status muestra los motivos).",
        FormRetryResult.NewerVersion => "el archivo fue reemplazado; se procesó su versión actual.",
        FormRetryResult.Gone => "el archivo ya no existe; queda registrado como fallido.",
        _ => "sigue fallando: " + form.Error,
    };

    private static string Describe(RetriedEmail email) => email.Result switch
    {
        ResendResult.Sent => "enviado.",
        ResendResult.AlreadySent => "ya estaba enviado; no se envió de nuevo.",
        ResendResult.NoRecipient => "sigue sin destinatario en la libreta de direcciones (pmg contacts import).",
        ResendResult.Failed => "no se pudo enviar: " + email.Error,
        _ => "no se puede reenviar: " + email.Error,
    };
}
