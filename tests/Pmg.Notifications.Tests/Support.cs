using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Testing.Fakes;
using Pmg.Testing;

namespace Pmg.Notifications.Tests;

/// <summary>The address book and messages the tests share.</summary>
internal static class Build
{
    public const string VifUnit = "Encargada regional de VIF";
    public const string VifEmail = "vif.valparaiso@example.org";
    public const string DirectorEmail = "direccion.valparaiso@example.org";
    public const string CoordinatorEmail = "coordinacion.pmg@example.org";

    public static IReadOnlyList<Contact> Book() =>
    [
        new("SERNAM", "CL-VS", VifUnit, ["Encargada de la Unidad Regional de VIF"], [VifEmail], ContactRole.Unit),
        new("SERNAM", "CL-VS", "Dirección Regional", ["Directora Regional"], [DirectorEmail], ContactRole.RegionalDirector),
        new("SERNAM", null, "Coordinación Nacional", [], [CoordinatorEmail], ContactRole.NationalCoordinator),
    ];

    public static AlertItem Item(string activity = "Realizar 3 talleres de prevención de VIF", string reason = AlertReasons.ProgressLate, string? quote = "aún no se ejecutan los talleres") =>
        new("III.1", "Acercar la oferta de VIF a las comunas rurales", activity, VifUnit, reason,
            "El avance informado dice que la actividad está atrasada o no ha comenzado.", quote,
            "Informe en el análisis del avance (III.4) la fecha en que se realizará y qué se necesita para cumplirla.");

    /// <summary>A digest as the recalculation queues it: a unit's goes to its address, else the director's; the coordinator's to the coordinator.</summary>
    public static AlertDigestMessage Digest(string digestId = "digest-vs-vif-1", string? unit = VifUnit, string role = AlertRoles.Unit, IReadOnlyList<AlertItem>? items = null, IReadOnlyList<string>? unknown = null) =>
        new(
            digestId,
            "SERNAM",
            2009,
            new AlertRecipient(
                role,
                role == AlertRoles.Unit ? unit ?? "" : role == AlertRoles.Director ? "Dirección Regional de Valparaíso" : "Coordinación nacional del PMG",
                [role == AlertRoles.Coordinator ? CoordinatorEmail : role == AlertRoles.Unit && unit == VifUnit ? VifEmail : DirectorEmail]),
            [new AlertRegionDigest(
                new AlertRegion("CL-VS", "Valparaíso"),
                [new AlertScore("III.1", 88.00m, "NO CUMPLE"), new AlertScore("III.2", 100m, "CUMPLE")],
                items ?? [Item(), Item("Difundir la línea 149"), Item("Capacitar a monitoras comunitarias")],
                (unknown ?? []).Select(u => new AlertUnitSummary(u, 1, false)).ToArray())],
            new DateOnly(2010, 1, 31),
            new DateTimeOffset(2010, 2, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The application's services with an in-memory address book and ledger; SendGrid at <paramref name="sendGridHost"/> or, if null, the pickup folder.</summary>
    public static ServiceProvider Services(string? sendGridHost, InMemoryNotificationLedger ledger, string? pickup = null, IEnumerable<Contact>? contacts = null, int maxRetries = 4)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Pmg:Services"] = "SERNAM",
            ["SendGrid:ApiKey"] = sendGridHost is null ? "" : "SG.test-key",
            ["SendGrid:Host"] = sendGridHost ?? "https://api.sendgrid.com",
            ["SendGrid:FromEmail"] = "pmg-no-responder@example.org",
            ["SendGrid:FromName"] = "PMG Gestión Territorial",
            ["SendGrid:RetryDelay"] = "00:00:00.010",
            ["SendGrid:MaxRetryAttempts"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SendGrid:MaxRateLimitWait"] = "00:00:05",
            ["Notifications:PickupDirectory"] = pickup ?? Path.Combine(Path.GetTempPath(), "pmg-unused"),
        };
        return TestServices.Build(
            TestServices.Configuration(settings),
            services =>
            {
                services.AddSingleton<IContactDirectory>(new InMemoryContactDirectory(contacts ?? Book()));
                services.AddSingleton<INotificationLedger>(ledger);
            },
            validateOnBuild: false);
    }
}
