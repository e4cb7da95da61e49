using System.CommandLine;
using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Cli.Output;
using Pmg.Domain.Regions;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Access;
using Pmg.Pipeline.Json;
using Pmg.Storage;
using Spectre.Console;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg access grant|revoke|list`: who may use the portal for which region — the table PortalAccess, keyed by the
/// Microsoft Entra object id of a user or a group (the app roles Pmg.Uploader / Pmg.Coordinator are assigned in Entra).
/// </summary>
internal static class AccessCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "access";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Acceso al portal: qué usuario o grupo de Entra ID sube formularios de qué región.";

    public static Command Create(CliEnvironment environment)
    {
        return new Command(Name, Description)
        {
            Grant(environment),
            Revoke(environment),
            List(environment),
        };
    }

    private static Command Grant(CliEnvironment environment)
    {
        var principal = PrincipalOption();
        var region = RegionOption();
        var group = new Option<bool>("--group") { Description = "El identificador es de un grupo de seguridad (todos sus miembros reciben la región)." };
        var label = new Option<string?>("--label") { HelpName = "NOMBRE", Description = "Quién es, para leer la lista (correo o nombre del grupo)." };
        var by = new Option<string?>("--by") { HelpName = "CORREO", Description = "Quién otorga el acceso (queda registrado)." };
        var connection = new StorageConnection();
        var command = new Command("grant", "Otorga a un usuario o grupo la región indicada.") { principal, region, group, label, by };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            ValidatePrincipal(result, principal);
            ValidateRegion(result, region, required: true);
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            RegionCatalog.TryResolve(parseResult.GetValue(region), out var resolved);
            return await RunAsync(environment, connection.BuildConfiguration(parseResult), async (store, time) =>
            {
                var grant = new PortalAccessGrant(
                    PortalAccessGrant.NormalizePrincipalId(parseResult.GetValue(principal))!,
                    parseResult.GetValue(group) ? PrincipalKind.Group : PrincipalKind.User,
                    resolved.Code,
                    parseResult.GetValue(label)?.Trim() ?? "",
                    parseResult.GetValue(by)?.Trim() ?? Environment.UserName,
                    time.GetUtcNow());
                await store.GrantAsync(grant, cancellationToken).ConfigureAwait(false);
                environment.Console.MarkupLineInterpolated(
                    $"Acceso otorgado: {(grant.Kind == PrincipalKind.Group ? "grupo" : "usuario")} {grant.PrincipalId}{(grant.Label.Length > 0 ? " (" + grant.Label + ")" : "")} → {resolved.Name} ({resolved.Code}).");
                return PmgCommandLine.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Revoke(CliEnvironment environment)
    {
        var principal = PrincipalOption();
        var region = RegionOption();
        var connection = new StorageConnection();
        var command = new Command("revoke", "Quita a un usuario o grupo la región indicada.") { principal, region };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            ValidatePrincipal(result, principal);
            ValidateRegion(result, region, required: true);
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            RegionCatalog.TryResolve(parseResult.GetValue(region), out var resolved);
            var id = PortalAccessGrant.NormalizePrincipalId(parseResult.GetValue(principal))!;
            return await RunAsync(environment, connection.BuildConfiguration(parseResult), async (store, _) =>
            {
                if (await store.RevokeAsync(id, resolved.Code, cancellationToken).ConfigureAwait(false))
                {
                    environment.Console.MarkupLineInterpolated($"Acceso revocado: {id} ya no tiene {resolved.Name} ({resolved.Code}).");
                }
                else
                {
                    environment.Console.MarkupLineInterpolated($"{id} no tenía acceso a {resolved.Name} ({resolved.Code}); no se cambió nada.");
                }

                return PmgCommandLine.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var region = RegionOption();
        var json = new Option<bool>("--json") { Description = "Escribe la lista en JSON en la salida estándar." };
        var connection = new StorageConnection();
        var command = new Command("list", "Lista los accesos (de todas las regiones o de una).") { region, json };
        connection.AddTo(command);
        command.Validators.Add(result => ValidateRegion(result, region, required: false));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? code = parseResult.GetValue(region) is { } text && RegionCatalog.TryResolve(text, out var resolved) ? resolved.Code : null;
            return await RunAsync(environment, connection.BuildConfiguration(parseResult), async (store, _) =>
            {
                var grants = await store.ListAsync(code, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    await JsonOutput.WriteAsync(
                        environment.Out,
                        grants.Select(g => new AccessGrantJson(g.PrincipalId, g.Kind == PrincipalKind.Group ? "group" : "user", g.RegionCode, g.Label, g.GrantedBy, g.GrantedAt)).ToList(),
                        PmgJson.Contracts.ListAccessGrantJson,
                        cancellationToken).ConfigureAwait(false);
                    return PmgCommandLine.Success;
                }

                if (grants.Count == 0)
                {
                    environment.Console.MarkupLine("No hay accesos registrados" + (code is null ? "." : " para " + code + "."));
                    return PmgCommandLine.Success;
                }

                var table = new Table().Border(TableBorder.Minimal).AddColumns("Región", "Tipo", "Identificador (Entra ID)", "Quién", "Otorgado");
                foreach (var grant in grants)
                {
                    table.AddRow(
                        Markup.Escape(RegionCatalog.FindByCode(grant.RegionCode)?.Name ?? grant.RegionCode),
                        grant.Kind == PrincipalKind.Group ? "grupo" : "usuario",
                        grant.PrincipalId,
                        Markup.Escape(grant.Label.Length > 0 ? grant.Label : "—"),
                        Markup.Escape(grant.GrantedAt.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) + (grant.GrantedBy.Length > 0 ? " por " + grant.GrantedBy : "")));
                }

                environment.Console.Write(table);
                return PmgCommandLine.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<string?> PrincipalOption() => new("--principal")
    {
        HelpName = "OBJECT-ID",
        Description = "Identificador de objeto (GUID) del usuario o grupo en Microsoft Entra ID.",
    };

    private static Option<string?> RegionOption() => new("--region")
    {
        HelpName = "REGIÓN",
        Description = "Región: código ISO (CL-TA) o nombre (Tarapacá).",
    };

    private static void ValidatePrincipal(System.CommandLine.Parsing.CommandResult result, Option<string?> principal)
    {
        var value = result.GetValue(principal);
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError("falta --principal: indique el identificador de objeto (GUID) del usuario o grupo en Entra ID.");
        }
        else if (PortalAccessGrant.NormalizePrincipalId(value) is null)
        {
            result.AddError(MailAddress.TryCreate(value, out _)
                ? $"--principal «{value}» es un correo; use el identificador de objeto (GUID) del usuario en Entra ID (az ad user show --id {value} --query id)."
                : $"--principal «{value}» no es un identificador de objeto (GUID) de Entra ID.");
        }
    }

    private static void ValidateRegion(System.CommandLine.Parsing.CommandResult result, Option<string?> region, bool required)
    {
        var value = result.GetValue(region);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                result.AddError("falta --region: indique la región con su código ISO (CL-TA) o su nombre (Tarapacá).");
            }
        }
        else if (!RegionCatalog.TryResolve(value, out _))
        {
            result.AddError($"la región «{value}» no se reconoce; use un código ISO como CL-TA o un nombre como Tarapacá.");
        }
    }

    private static async Task<int> RunAsync(CliEnvironment environment, IConfiguration configuration, Func<IPortalAccessStore, TimeProvider, Task<int>> action, CancellationToken cancellationToken)
    {
        var services = StorageConnection.BuildServices(configuration);
        await using (services.ConfigureAwait(false))
        {
            try
            {
                var layout = services.GetRequiredService<StorageLayout>();
                if (services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.CreateIfMissing)
                {
                    await layout.PortalAccess.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                }

                return await action(services.GetRequiredService<IPortalAccessStore>(), services.GetRequiredService<TimeProvider>()).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                return await StorageConnection.FailAsync(environment, "No se pudo leer o escribir los accesos", exception, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
