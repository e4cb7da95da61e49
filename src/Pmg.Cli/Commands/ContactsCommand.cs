using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Cli.Output;
using Pmg.Notifications;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Notifications;
using Pmg.Storage;
using Spectre.Console;

namespace Pmg.Cli.Commands;

/// <summary>`pmg contacts import FILE [--dry-run]`: loads the address book (units, regional directors, national coordinator) from .xlsx or .csv.</summary>
internal static class ContactsCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "contacts";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Libreta de direcciones de las alertas y comprobantes por correo.";

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("ARCHIVO")
        {
            Description = "Libreta de direcciones .xlsx o .csv con las columnas Servicio, Región, Unidad, Alias, Correos y Rol (ver samples/contacts/).",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Solo revisa el archivo: muestra las filas con problemas sin guardar nada." };
        var json = new Option<bool>("--json") { Description = "Escribe el resultado en JSON (contrato público) en la salida estándar." };
        var connection = new StorageConnection();

        var import = new Command("import", "Importa contactos: las filas válidas se guardan (una unidad repetida se reemplaza) y se informan las que no se pudieron usar.")
        {
            file,
            dryRun,
            json,
        };
        connection.AddTo(import);
        import.SetAction((parseResult, cancellationToken) => ImportAsync(
            environment,
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(dryRun),
            parseResult.GetValue(json),
            connection.BuildConfiguration(parseResult),
            cancellationToken));

        return new Command(Name, Description) { import };
    }

    private static async Task<int> ImportAsync(CliEnvironment environment, string path, bool dryRun, bool json, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await environment.Error.WriteLineAsync($"Uso incorrecto: no existe el archivo «{path}».".AsMemory(), cancellationToken).ConfigureAwait(false);
            return PmgCommandLine.UsageError;
        }

        ContactImportResult result;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            result = ContactFileReader.Read(stream, path);
        }

        if (!json)
        {
            WriteProblems(environment.Console, result.Problems);
        }

        var name = Path.GetFileName(path);
        if (!dryRun && result.Contacts.Count > 0)
        {
            var services = StorageConnection.BuildServices(configuration);
            await using (services.ConfigureAwait(false))
            {
                try
                {
                    // The CLI runs no hosted services: the tables are created here, on the one provisioning path.
                    if (services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.CreateIfMissing)
                    {
                        await services.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await services.GetRequiredService<IContactDirectory>().SaveAsync(result.Contacts, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (StorageConnection.IsExpected(exception))
                {
                    return await StorageConnection.FailAsync(environment, "No se pudieron guardar los contactos", exception, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var saved = dryRun ? 0 : result.Contacts.Count;
        if (json)
        {
            var contract = new ContactsImportJson(
                name,
                dryRun,
                saved,
                result.Contacts.Count(c => c.Role == ContactRole.Unit),
                result.Contacts.Count(c => c.Role == ContactRole.RegionalDirector),
                result.Contacts.Count(c => c.Role == ContactRole.NationalCoordinator),
                result.Problems.Select(p => new ContactProblemJson(p.Row, p.Reason)).ToList());
            await JsonOutput.WriteAsync(environment.Out, contract, PmgJson.Contracts.ContactsImportJson, cancellationToken).ConfigureAwait(false);
            return result.Problems.Count == 0 ? PmgCommandLine.Success : PmgCommandLine.FormErrors;
        }

        var verb = (dryRun, result.Contacts.Count == 1) switch
        {
            (true, true) => "Se leyó",
            (true, false) => "Se leyeron",
            (false, true) => "Se guardó",
            _ => "Se guardaron",
        };
        var note = dryRun ? " (revisión: no se guardó nada)" : "";
        TextLines.Write(environment.Console, result.Contacts.Count == 0
            ? $"No hay contactos válidos en «{name}»; no se guardó nada."
            : $"{verb} {Count(result.Contacts.Count, "contacto", "contactos")} de «{name}»{note}: {Summary(result.Contacts)}.");
        if (result.Problems.Count > 0)
        {
            TextLines.Write(environment.Console, $"{Count(result.Problems.Count, "fila no se pudo usar", "filas no se pudieron usar")}: corríjalas y vuelva a importar el archivo.");
        }

        return result.Problems.Count == 0 ? PmgCommandLine.Success : PmgCommandLine.FormErrors;
    }

    private static void WriteProblems(IAnsiConsole console, IReadOnlyList<ContactRowProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var table = new Table { Title = new TableTitle("Filas que no se pudieron usar") };
        table.AddColumn(new TableColumn("Fila").RightAligned());
        table.AddColumn(new TableColumn("Motivo"));
        foreach (var problem in problems)
        {
            table.AddRow(new Text(problem.Row.ToString(CultureInfo.InvariantCulture)), new Text(problem.Reason));
        }

        console.Write(table);
    }

    private static string Summary(IReadOnlyList<Contact> contacts)
    {
        var parts = new List<string>();
        var units = contacts.Count(c => c.Role == ContactRole.Unit);
        var directors = contacts.Count(c => c.Role == ContactRole.RegionalDirector);
        var coordinators = contacts.Count(c => c.Role == ContactRole.NationalCoordinator);
        if (units > 0)
        {
            parts.Add(Count(units, "unidad", "unidades"));
        }

        if (directors > 0)
        {
            parts.Add(Count(directors, "dirección regional", "direcciones regionales"));
        }

        if (coordinators > 0)
        {
            parts.Add(Count(coordinators, "coordinación nacional", "coordinaciones nacionales"));
        }

        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " y " + parts[^1];
    }

    private static string Count(int count, string one, string many) =>
        count == 1 ? "1 " + one : count.ToString(CultureInfo.InvariantCulture) + " " + many;
}
