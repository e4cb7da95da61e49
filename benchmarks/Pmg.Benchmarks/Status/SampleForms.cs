using System.IO.Compression;
using Pmg.Domain.Regions;

namespace Pmg.Benchmarks.Status;

/// <summary>
/// The Valparaíso closing form (samples/forms/cierre-2009-CL-VS.docx) restated for another service, year and region:
/// its "Servicio:", "VALPARAISO" and "2009" texts replaced in word/document.xml, so the reader accepts it for that
/// path and every region scores like Valparaíso (88.00 % / 88.88 %, 37 activities, 6 units).
/// </summary>
internal static class SampleForms
{
    public static byte[] ClosingForm(string service, int year, Region region)
    {
        var source = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "samples", "forms", "cierre-2009-CL-VS.docx"));
        using var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries)
            {
                using var part = entry.Open();
                using var target = to.CreateEntry(entry.FullName).Open();
                if (entry.FullName != "word/document.xml")
                {
                    part.CopyTo(target);
                    continue;
                }

                var text = new StreamReader(part).ReadToEnd()
                    .Replace("Servicio: SERNAM", "Servicio: " + service, StringComparison.Ordinal)
                    .Replace("VALPARAISO", region.Name.ToUpperInvariant().Replace("'", "&apos;", StringComparison.Ordinal), StringComparison.Ordinal)
                    .Replace("2009", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                using var writer = new StreamWriter(target);
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PmgFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("PmgFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
