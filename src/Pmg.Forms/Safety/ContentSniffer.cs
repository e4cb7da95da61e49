using System.Text;

namespace Pmg.Forms.Safety;

/// <summary>Recognises what a file really is from its first bytes, whatever its extension claims.</summary>
internal static class ContentSniffer
{
    /// <summary>The compound-file (CFB/OLE2) signature of Word/Excel 97-2003 files and of encrypted OOXML.</summary>
    private static ReadOnlySpan<byte> CompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> ZipLocalHeader => "PK\u0003\u0004"u8;

    private static ReadOnlySpan<byte> ZipEmptyArchive => "PK\u0005\u0006"u8;

    private static ReadOnlySpan<byte> ZipSpanned => "PK\u0007\u0008"u8;

    /// <summary>True when the bytes start like a zip archive (the container of every .docx/.xlsx).</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) =>
        content.StartsWith(ZipLocalHeader) || content.StartsWith(ZipEmptyArchive) || content.StartsWith(ZipSpanned);

    /// <summary>True for a compound-file container.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> content) => content.StartsWith(CompoundFile);

    /// <summary>Says which kind of compound file this is, in Spanish, to complete "El archivo «x» …".</summary>
    public static string DescribeCompoundFile(ReadOnlySpan<byte> content)
    {
        // Stream names in the CFB directory are UTF-16LE; an encrypted .docx/.xlsx carries "EncryptionInfo".
        if (content.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0)
        {
            return "está protegido con contraseña (cifrado), y así no se puede leer";
        }

        if (content.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
        {
            return "está en el formato antiguo de Word 97-2003 (.doc), que no se acepta";
        }

        if (content.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || content.IndexOf(Encoding.Unicode.GetBytes("Book")) >= 0)
        {
            return "está en el formato antiguo de Excel 97-2003 (.xls), que no se acepta";
        }

        return "está en un formato antiguo de Office (97-2003) o protegido con contraseña, que no se acepta";
    }

    /// <summary>What a non-zip file looks like, in Spanish, to complete "parece …".</summary>
    public static string DescribeNonZip(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF"u8))
        {
            return "un PDF";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "una imagen PNG";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "una imagen JPEG";
        }

        if (content.StartsWith("GIF8"u8))
        {
            return "una imagen GIF";
        }

        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8))
        {
            return "una imagen TIFF";
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "una imagen WebP";
        }

        if (content.StartsWith("{\\rtf"u8))
        {
            return "un documento RTF";
        }

        if (content.StartsWith("Rar!"u8) || content.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]) || content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "un archivo comprimido (RAR, 7z o gzip)";
        }

        if (content.StartsWith("MZ"u8))
        {
            return "un programa ejecutable";
        }

        var head = DecodeHead(content);
        if (head is null)
        {
            return "un archivo de un tipo desconocido";
        }

        var trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("MIME-Version", StringComparison.OrdinalIgnoreCase))
        {
            return "una página web de archivo único (.mht)";
        }

        if (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "una página web (HTML)";
        }

        if (trimmed.StartsWith("<?xml", StringComparison.Ordinal) || trimmed.StartsWith('<'))
        {
            return "un archivo XML suelto (por ejemplo, Word 2003 XML)";
        }

        return "un archivo de texto";
    }

    /// <summary>The first bytes as text when they read as UTF-8/UTF-16 text without control characters; else null.</summary>
    private static string? DecodeHead(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 4096)];
        string text;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(head[2..]);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(head[2..]);
        }
        else
        {
            // A multi-byte character cut at the 4 KiB boundary decodes to U+FFFD; that is still text.
            text = Encoding.UTF8.GetString(head);
        }

        var replacements = 0;
        foreach (var ch in text)
        {
            if (ch == '\uFFFD')
            {
                replacements++;
            }
            else if (char.IsControl(ch) && ch is not ('\t' or '\r' or '\n' or '\f'))
            {
                return null;
            }
        }

        // Latin-1 text (e.g. a Windows-1252 .txt) is still text; binary is mostly not valid UTF-8.
        return replacements * 10 > text.Length ? null : text;
    }
}
