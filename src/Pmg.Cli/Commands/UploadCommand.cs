using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net.Mail;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Cli.Output;
using Pmg.Pipeline.Json;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Ingestion;
using Pmg.Storage;
using Spectre.Console;
using Region = Pmg.Domain.Regions.Region;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg upload FILE... --service S --year N --region R [--uploader EMAIL]`: puts each form in the forms container as
/// <c>{service}/{year}/{region ISO code}/{file name}</c>, where the pipeline picks it up.
/// </summary>
internal static class UploadCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "upload";

    /// <summary>The name of its files argument, shown beside the command in `pmg --help`.</summary>
    public const string FilesArgument = "ARCHIVO";

    /// <summary>What `pmg --help` says of it (also in the NativeAOT pmg, which runs it through the full build).</summary>
    public const string Description = "Sube formularios al contenedor «forms» para que el proceso los lea y evalúe.";

    /// <summary>Characters a service may not contain: they would break the blob path or the table keys.</summary>
    private static readonly char[] ForbiddenInService = ['/', '\\', '#', '?', '|'];

    public static Command Create(CliEnvironment environment)
    {
        var files = CommandArguments.Paths(FilesArgument, "Formularios .docx o .xlsx a subir.");
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Servicio (p. ej. SERNAM); primer tramo de la ruta." };
        var year = CommonOptions.Year("Año del formulario, cuatro dígitos (p. ej. 2009).");
        var region = new Option<string?>("--region") { HelpName = "REGIÓN", Description = "Región: código ISO (CL-TA) o nombre (Tarapacá); se guarda como código ISO." };
        var uploader = new Option<string?>("--uploader") { HelpName = "CORREO", Description = "Correo de quien sube el formulario (metadato «uploader»; recibe el acuse)." };
        var json = new Option<bool>("--json") { Description = "Escribe el resultado en JSON (contrato público) en la salida estándar." };
        var connection = new StorageConnection();

        var command = new Command(Name, Description)
        {
            files,
            service,
            year,
            region,
            uploader,
            json,
        };
        connection.AddTo(command);
        command.Validators.Add(result => ValidateUsage(result, files, service, year, region, uploader));

        command.SetAction((parseResult, cancellationToken) =>
        {
            RegionCatalog.TryResolve(parseResult.GetValue(region), out var resolved);
            var target = new UploadTarget(
                parseResult.GetRequiredValue(service)!.Trim(),
                parseResult.GetRequiredValue(year)!.Value,
                resolved,
                parseResult.GetValue(uploader)?.Trim());
            return RunAsync(environment, connection.BuildConfiguration(parseResult), parseResult.GetRequiredValue(files), target, parseResult.GetValue(json), cancellationToken);
        });
        return command;
    }

    /// <summary>The blob name of a file: <c>{service}/{year}/{region ISO code}/{file name}</c>.</summary>
    public static string BlobName(string service, int year, Region region, string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{service}/{year}/{region.Code}/{Path.GetFileName(path)}");

    private static void ValidateUsage(
        CommandResult result,
        Argument<string[]> files,
        Option<string?> service,
        Option<int?> year,
        Option<string?> region,
        Option<string?> uploader)
    {
        foreach (var path in result.GetValue(files) ?? [])
        {
            if (!path.StartsWith('-') && !File.Exists(path))
            {
                result.AddError(Directory.Exists(path)
                    ? $"«{path}» es una carpeta; upload espera archivos."
                    : $"el archivo «{path}» no existe.");
            }
        }

        var serviceValue = result.GetValue(service);
        if (string.IsNullOrWhiteSpace(serviceValue))
        {
            result.AddError("falta --service: indique el servicio, p. ej. --service SERNAM.");
        }
        else if (serviceValue.IndexOfAny(ForbiddenInService) >= 0)
        {
            result.AddError($"el servicio «{serviceValue}» no puede contener / \\ # ? ni |.");
        }

        // A year that is not one has been reported by its parser; reading it here would throw.
        if (!CommonOptions.IsGiven(result, year))
        {
            result.AddError("falta --year: indique el año del formulario con cuatro dígitos, p. ej. --year 2009.");
        }

        var yearValue = CommonOptions.YearOrNull(result, year);

        var regionValue = result.GetValue(region);
        if (string.IsNullOrWhiteSpace(regionValue))
        {
            result.AddError("falta --region: indique la región con su código ISO (CL-TA) o su nombre (Tarapacá).");
        }
        else if (!RegionCatalog.TryResolve(regionValue, out var resolved))
        {
            result.AddError($"la región «{regionValue}» no se reconoce; use un código ISO como CL-TA o un nombre como Tarapacá.");
        }
        else if (yearValue is { } y && !resolved.ExistedIn(y))
        {
            result.AddError($"la región {resolved.Name} ({resolved.Code}) no existía en {y}.");
        }

        if (result.GetValue(uploader) is { } email
            && (!MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim() || !email.All(char.IsAscii)))
        {
            result.AddError($"--uploader «{email}» no es un correo válido (p. ej. encargada@sernam.cl).");
        }
    }

    private static async Task<int> RunAsync(CliEnvironment environment, Microsoft.Extensions.Configuration.IConfiguration configuration, string[] paths, UploadTarget target, bool json, CancellationToken cancellationToken)
    {
        var services = StorageConnection.BuildServices(configuration);
        await using (services.ConfigureAwait(false))
        {
            // With Pmg__Services configured, an unknown service would only be refused by the pipeline: say so now,
            // and write the configured spelling into the path.
            if (KnownServices.Problem(services, target.Service) is { } unknown)
            {
                await environment.Error.WriteLineAsync($"Uso incorrecto: {unknown}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.UsageError;
            }

            target = target with { Service = KnownServices.Spelling(services, target.Service) };
            StorageLayout layout;
            try
            {
                // Resolving the clients parses the connection string: a malformed one is reported, not thrown.
                layout = services.GetRequiredService<StorageLayout>();
                if (services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.CreateIfMissing)
                {
                    await layout.Forms.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                return await StorageConnection.FailAsync(environment, "No se pudo preparar el contenedor de formularios", exception, cancellationToken).ConfigureAwait(false);
            }

            var uploads = paths.DistinctBy(Path.GetFullPath).Select(p => (Path: p, Blob: BlobName(target.Service, target.Year, target.Region, p))).ToList();
            var results = new List<UploadResult>(uploads.Count);
            var time = services.GetRequiredService<TimeProvider>();
            if (json)
            {
                foreach (var (path, blobName) in uploads)
                {
                    results.Add(await UploadAsync(layout.Forms.GetBlobClient(blobName), path, target.Uploader, time, null, cancellationToken).ConfigureAwait(false));
                }
            }
            else
            {
                await environment.Console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
                    .StartAsync(async progress =>
                    {
                        foreach (var (path, blobName) in uploads)
                        {
                            var task = progress.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: Math.Max(1, new FileInfo(path).Length));
                            results.Add(await UploadAsync(layout.Forms.GetBlobClient(blobName), path, target.Uploader, time, task, cancellationToken).ConfigureAwait(false));
                            task.StopTask();
                        }
                    }).ConfigureAwait(false);
            }

            foreach (var failed in results.Where(r => r.Problem is not null))
            {
                await environment.Error.WriteLineAsync($"No se pudo subir «{failed.Path}» como «{failed.BlobName}»: {failed.Problem}.".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            if (json)
            {
                var contract = new UploadJson(
                    target.Service,
                    target.Year,
                    new RegionJson(target.Region.Code, target.Region.Name),
                    layout.Forms.Name,
                    results.Select(r => new UploadFileJson(r.Path, r.BlobName, r.Problem is null, r.Replaced, r.ETag, r.VersionId, r.Problem)).ToList());
                await JsonOutput.WriteAsync(environment.Out, contract, PmgJson.Contracts.UploadJson, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                WriteUploaded(environment.Console, layout.Forms.Name, target, results);
            }

            return results.All(r => r.Problem is null) ? PmgCommandLine.Success : PmgCommandLine.StorageFailure;
        }
    }

    // One fact per line, so that a path or an ETag is never cut in the middle at 80 columns.
    private static void WriteUploaded(IAnsiConsole console, string container, UploadTarget target, List<UploadResult> results)
    {
        foreach (var result in results.Where(r => r.Problem is null))
        {
            console.WriteLine($"Subido «{result.Path}»");
            console.WriteLine($"  → {container}/{result.BlobName}");
            console.WriteLine($"  ETag {result.ETag}{(result.VersionId is { } v ? ", versión " + v : "")}");
            if (result.Replaced)
            {
                TextLines.Write(console, $"«{result.BlobName}» ya existía: se subió una nueva versión, que el proceso trata como una re-subida (el historial de subidas conserva la anterior).", indent: 2, style: new Style(Color.Yellow));
            }
        }

        var uploaded = results.Count(r => r.Problem is null);
        TextLines.Write(console, string.Create(CultureInfo.InvariantCulture, $"{uploaded} de {results.Count} archivo(s) subido(s). Use «pmg status --service {target.Service} --year {target.Year}» para ver el resultado."));
    }

    private static async Task<UploadResult> UploadAsync(BlobClient blob, string path, string? uploader, TimeProvider time, ProgressTask? task, CancellationToken cancellationToken)
    {
        try
        {
            var replaced = (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                var options = new BlobUploadOptions
                {
                    // The uploader and the upload's time to the tenth of a microsecond: uploads of one region in the same
                    // second (Last-Modified has whole seconds) become current in the order they were made.
                    Metadata = UploadMetadata.For(uploader, time.GetUtcNow()),
                    HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(path) },
                    ProgressHandler = task is null ? null : new Progress<long>(bytes => task.Value = bytes),
                };
                var info = (await blob.UploadAsync(stream, options, cancellationToken).ConfigureAwait(false)).Value;
                task?.Value = task.MaxValue;
                return new UploadResult(path, blob.Name, info.ETag.ToString(), info.VersionId, replaced, null);
            }
        }
        catch (Exception exception) when (StorageConnection.IsExpected(exception))
        {
            return new UploadResult(path, blob.Name, null, null, false, StorageConnection.Describe(exception));
        }
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".DOCX" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    private sealed record UploadTarget(string Service, int Year, Region Region, string? Uploader);

    private sealed record UploadResult(string Path, string BlobName, string? ETag, string? VersionId, bool Replaced, string? Problem);
}
