using System.Buffers.Binary;
using System.Text;
using Pmg.Domain.Diagnostics;

namespace Pmg.Forms.Safety;

/// <summary>One entry as the zip central directory declares it, with the offset of its compressed data.</summary>
internal sealed record ZipEntryInfo(
    string Name,
    int Flags,
    int Method,
    uint Crc,
    long CompressedSize,
    long UncompressedSize,
    long LocalHeaderOffset,
    long DataOffset)
{
    /// <summary>Bit 0 of the general-purpose flags: the entry is encrypted (a password-protected zip).</summary>
    public bool IsEncrypted => (Flags & 1) != 0;
}

/// <summary>
/// Reads the zip end-of-central-directory record and central directory straight from the bytes, so that sizes,
/// offsets and names can be checked before anything is inflated. Throws <see cref="PackageRefusedException"/>.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int EndOfCentralDirectorySize = 22;
    private const int CentralHeaderSize = 46;
    private const int LocalHeaderSize = 30;

    /// <summary>Every entry, in central-directory order, with its data range checked against the file.</summary>
    public static IReadOnlyList<ZipEntryInfo> Read(ReadOnlySpan<byte> zip, string file, PackageLimits limits)
    {
        var eocd = FindEndOfCentralDirectory(zip)
            ?? throw Refuse(Refusals.Truncated(file, "falta el directorio final del paquete ZIP"));

        if (U16(zip, eocd + 4) != 0 || U16(zip, eocd + 6) != 0)
        {
            throw Refuse(Refusals.Corrupt(file, "es un ZIP dividido en varios volúmenes"));
        }

        long entryCount = U16(zip, eocd + 10);
        long directorySize = U32(zip, eocd + 12);
        long directoryOffset = U32(zip, eocd + 16);
        if (entryCount == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        {
            (entryCount, directorySize, directoryOffset) = ReadZip64End(zip, eocd, file);
        }

        if (entryCount > limits.MaxEntries)
        {
            throw Refuse(Refusals.Bomb(file, $"contiene {Refusals.Count(entryCount)} partes comprimidas, más que el máximo de {Refusals.Count(limits.MaxEntries)}"));
        }

        if (directoryOffset + directorySize > eocd)
        {
            throw Refuse(directoryOffset + directorySize > zip.Length
                ? Refusals.Truncated(file, "el directorio del paquete ZIP está cortado")
                : Refusals.Corrupt(file, "el directorio del paquete ZIP apunta fuera del archivo"));
        }

        var entries = new List<ZipEntryInfo>((int)entryCount);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var position = directoryOffset;
        var directoryEnd = directoryOffset + directorySize;
        for (var i = 0; i < entryCount; i++)
        {
            if (position + CentralHeaderSize > directoryEnd || U32(zip, position) != CentralHeaderSignature)
            {
                throw Refuse(Refusals.Corrupt(file, "el directorio del paquete ZIP tiene un encabezado inválido"));
            }

            var entry = ReadCentralHeader(zip, ref position, directoryEnd, file);
            if (!names.Add(entry.Name))
            {
                throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» aparece dos veces"));
            }

            entries.Add(entry with { DataOffset = LocateData(zip, entry, directoryOffset, file) });
        }

        RefuseOverlaps(entries, file);
        return entries;
    }

    private static ZipEntryInfo ReadCentralHeader(ReadOnlySpan<byte> zip, ref long position, long directoryEnd, string file)
    {
        var header = position;
        var flags = U16(zip, header + 8);
        var method = U16(zip, header + 10);
        var crc = U32(zip, header + 16);
        long compressed = U32(zip, header + 20);
        long uncompressed = U32(zip, header + 24);
        var nameLength = U16(zip, header + 28);
        var extraLength = U16(zip, header + 30);
        var commentLength = U16(zip, header + 32);
        long localOffset = U32(zip, header + 42);
        var next = header + CentralHeaderSize + nameLength + extraLength + commentLength;
        if (next > directoryEnd)
        {
            throw Refuse(Refusals.Corrupt(file, "el directorio del paquete ZIP tiene un encabezado inválido"));
        }

        var name = Encoding.UTF8.GetString(zip.Slice((int)(header + CentralHeaderSize), nameLength));
        var extra = zip.Slice((int)(header + CentralHeaderSize + nameLength), extraLength);
        ApplyZip64Extra(extra, ref uncompressed, ref compressed, ref localOffset);
        if (compressed < 0 || uncompressed < 0 || localOffset < 0)
        {
            throw Refuse(Refusals.Corrupt(file, $"la parte «{name}» declara tamaños imposibles"));
        }

        position = next;
        return new ZipEntryInfo(name, flags, method, crc, compressed, uncompressed, localOffset, 0);
    }

    private static void ApplyZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var body = extra[4..Math.Min(extra.Length, 4 + size)];
            extra = extra[Math.Min(extra.Length, 4 + size)..];
            if (id != 0x0001)
            {
                continue;
            }

            // Only the fields saturated in the fixed header appear, in this order.
            if (uncompressed == 0xFFFFFFFF && body.Length >= 8)
            {
                uncompressed = BinaryPrimitives.ReadInt64LittleEndian(body);
                body = body[8..];
            }

            if (compressed == 0xFFFFFFFF && body.Length >= 8)
            {
                compressed = BinaryPrimitives.ReadInt64LittleEndian(body);
                body = body[8..];
            }

            if (localOffset == 0xFFFFFFFF && body.Length >= 8)
            {
                localOffset = BinaryPrimitives.ReadInt64LittleEndian(body);
            }
        }
    }

    private static long LocateData(ReadOnlySpan<byte> zip, ZipEntryInfo entry, long directoryOffset, string file)
    {
        var local = entry.LocalHeaderOffset;
        if (local > zip.Length - LocalHeaderSize)
        {
            throw Refuse(Refusals.Truncated(file, $"falta el contenido de la parte «{entry.Name}»"));
        }

        if (local > directoryOffset - LocalHeaderSize || U32(zip, local) != LocalHeaderSignature)
        {
            throw Refuse(Refusals.Corrupt(file, $"el encabezado local de la parte «{entry.Name}» es inválido"));
        }

        var nameLength = U16(zip, local + 26);
        var extraLength = U16(zip, local + 28);
        var data = local + LocalHeaderSize + nameLength + extraLength;
        if (data > directoryOffset
            || !zip.Slice((int)(local + LocalHeaderSize), nameLength).SequenceEqual(Encoding.UTF8.GetBytes(entry.Name)))
        {
            throw Refuse(Refusals.Corrupt(file, $"el encabezado local de la parte «{entry.Name}» no coincide con el directorio"));
        }

        // Compared by subtraction: a ZIP64 size near long.MaxValue must not overflow into a "fits".
        if (entry.CompressedSize > directoryOffset - data)
        {
            throw Refuse(entry.CompressedSize > zip.Length - data
                ? Refusals.Truncated(file, $"el contenido de la parte «{entry.Name}» está cortado")
                : Refusals.Corrupt(file, $"el contenido de la parte «{entry.Name}» se sale de su lugar"));
        }

        return data;
    }

    private static void RefuseOverlaps(List<ZipEntryInfo> entries, string file)
    {
        // Overlapping entries let a few compressed bytes be inflated many times over: a classic zip bomb.
        var ordered = entries.OrderBy(e => e.LocalHeaderOffset).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i - 1].DataOffset + ordered[i - 1].CompressedSize > ordered[i].LocalHeaderOffset)
            {
                throw Refuse(Refusals.Bomb(file, $"las partes «{ordered[i - 1].Name}» y «{ordered[i].Name}» comparten los mismos datos comprimidos"));
            }
        }
    }

    private static (long Count, long Size, long Offset) ReadZip64End(ReadOnlySpan<byte> zip, long eocd, string file)
    {
        var locator = eocd - 20;
        if (locator < 0 || U32(zip, locator) != Zip64LocatorSignature)
        {
            throw Refuse(Refusals.Corrupt(file, "falta el directorio ZIP64"));
        }

        var end = BinaryPrimitives.ReadInt64LittleEndian(zip[(int)(locator + 8)..]);
        if (end < 0 || end + 56 > locator || U32(zip, end) != Zip64EndSignature)
        {
            throw Refuse(Refusals.Corrupt(file, "el directorio ZIP64 es inválido"));
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(zip[(int)(end + 32)..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(zip[(int)(end + 40)..]);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(zip[(int)(end + 48)..]);
        if (count < 0 || size < 0 || offset < 0 || offset > end || size > end - offset)
        {
            throw Refuse(Refusals.Corrupt(file, "el directorio ZIP64 es inválido"));
        }

        return (count, size, offset);
    }

    private static long? FindEndOfCentralDirectory(ReadOnlySpan<byte> zip)
    {
        // The record sits at the very end, after at most a 65,535-byte comment.
        var lowest = Math.Max(0, zip.Length - EndOfCentralDirectorySize - ushort.MaxValue);
        for (var i = zip.Length - EndOfCentralDirectorySize; i >= lowest; i--)
        {
            if (zip[i] == 0x50 && U32(zip, i) == EndOfCentralDirectorySignature
                && i + EndOfCentralDirectorySize + U16(zip, i + 20) <= zip.Length)
            {
                return i;
            }
        }

        return null;
    }

    private static int U16(ReadOnlySpan<byte> zip, long offset) => BinaryPrimitives.ReadUInt16LittleEndian(zip[(int)offset..]);

    private static uint U32(ReadOnlySpan<byte> zip, long offset) => BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)offset..]);

    private static PackageRefusedException Refuse(Diagnostic refusal) => new(refusal);
}
