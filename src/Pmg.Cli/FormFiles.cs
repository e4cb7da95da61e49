using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;

namespace Pmg.Cli;

/// <summary>Finds form files on disk and reads and scores them.</summary>
internal static class FormFiles
{
    /// <summary>Code of the diagnostic for a file the operating system would not let us read.</summary>
    public const string FileUnreadable = "FILE_UNREADABLE";

    /// <summary>Reads one file with the reader and, when accepted, applies the form rules. Never throws for bad files.</summary>
    public static async Task<EvaluatedFile> EvaluateAsync(IFormReader reader, string path, FormReadOptions options, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        FormReadResult read;
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                read = await reader.ReadAsync(stream, fileName, options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            read = FormReadResult.Refused(
                fileName,
                FormFormat.Unknown,
                Diagnostic.Error(FileUnreadable, "No se pudo abrir el archivo: no existe, está en uso o no hay permiso para leerlo.", SourceLocation.Document));
        }

        var evaluation = read.Submission is { } submission ? FormRules.Evaluate(submission) : null;
        return new EvaluatedFile(read, evaluation);
    }

    /// <summary>
    /// Expands files and folders (recursively, *.docx and *.xlsx, Office lock files "~$…" skipped) into file paths,
    /// or returns the Spanish reason why a path cannot be used.
    /// </summary>
    public static (IReadOnlyList<string> Files, string? Problem) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsFormFile)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    return ([], $"La carpeta «{path}» no contiene formularios .docx ni .xlsx.");
                }

                files.AddRange(found);
            }
            else
            {
                return ([], $"No se encontró el archivo o carpeta «{path}».");
            }
        }

        return (files.DistinctBy(Path.GetFullPath).ToList(), null);
    }

    private static bool IsFormFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith("~$", StringComparison.Ordinal)
            && (name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));
    }
}
