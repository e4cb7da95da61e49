using System.IO.Compression;

namespace Pmg.Forms.Safety;

/// <summary>
/// Inflates one zip entry while counting: it refuses the package the moment the entry yields more bytes than it
/// declared or the package passes its inflation budget, so a lying entry is never inflated past its declared size.
/// It also keeps the CRC-32, the first bytes (to spot nested archives) and, for XML parts, whether a DTD appeared.
/// </summary>
internal sealed class EntryStream : Stream
{
    // "<!DOCTYPE" and "<!ENTITY" as UTF-8 and as UTF-16 (both byte orders); the longest is 18 bytes.
    private static readonly byte[][] DtdMarkers =
    [
        .. new[] { "<!DOCTYPE", "<!ENTITY" }.SelectMany(marker => new[]
        {
            System.Text.Encoding.UTF8.GetBytes(marker),
            System.Text.Encoding.Unicode.GetBytes(marker),
            System.Text.Encoding.BigEndianUnicode.GetBytes(marker),
        }),
    ];

    private const int CarryLength = 17;

    private readonly Stream inner;
    private readonly ZipEntryInfo entry;
    private readonly InflationBudget budget;
    private readonly bool scanForDtd;
    private readonly byte[] carry = new byte[CarryLength];
    private int carried;
    // Vectorised CRC-32 (the zip polynomial); a table loop cost as much as inflating.
    private readonly System.IO.Hashing.Crc32 crc = new();
    private long tokenRun;

    public EntryStream(ReadOnlyMemory<byte> compressed, ZipEntryInfo entry, InflationBudget budget, bool scanForDtd)
    {
        var source = AsStream(compressed);
        inner = entry.Method == 0 ? source : new DeflateStream(source, CompressionMode.Decompress);
        this.entry = entry;
        this.budget = budget;
        this.scanForDtd = scanForDtd;
    }

    /// <summary>Bytes inflated so far.</summary>
    public long Inflated { get; private set; }

    /// <summary>True once a DTD or entity declaration was seen (XML parts only).</summary>
    public bool SawDtd { get; private set; }

    /// <summary>The first four inflated bytes (fewer for a shorter entry).</summary>
    public byte[] Head { get; } = new byte[4];

    /// <summary>How many bytes of <see cref="Head"/> are filled.</summary>
    public int HeadLength { get; private set; }

    /// <summary>True once the inflated size and CRC match what the directory declared (call after reading to the end).</summary>
    public bool MatchesDeclaration => Inflated == entry.UncompressedSize && crc.GetCurrentHashAsUInt32() == entry.Crc;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Inflated;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Never ask for more than one byte past the declared size: that byte is enough to prove the lie.
        var allowed = entry.UncompressedSize - Inflated + 1;
        if (allowed < buffer.Length)
        {
            buffer = buffer[..(int)allowed];
        }

        var read = inner.Read(buffer);
        if (read == 0)
        {
            return 0;
        }

        var chunk = buffer[..read];
        Inflated += read;
        if (Inflated > entry.UncompressedSize)
        {
            throw new PackageRefusedException(budget.Lie(entry.Name));
        }

        budget.Spend(read);
        crc.Append(chunk);
        KeepHead(chunk);
        if (scanForDtd)
        {
            if (!SawDtd)
            {
                ScanForDtd(chunk);
            }

            BoundTokenLength(chunk);
        }

        return read;
    }

    /// <summary>Reads whatever the consumer left unread, so size and CRC cover the whole entry.</summary>
    public void Drain()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Read(scratch) > 0)
        {
        }
    }

    /// <summary>Inflates just enough to fill <see cref="Head"/>, for parts that are never read further.</summary>
    public void ReadHead()
    {
        Span<byte> head = stackalloc byte[4];
        while (HeadLength < Head.Length && Read(head[..(Head.Length - HeadLength)]) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// XmlReader buffers a whole start tag (all its attributes) in memory, so a part made of one giant attribute or
    /// text run would cost memory in proportion to the inflation budget; refuse runs without any '&lt;' or '&gt;'
    /// past <see cref="InflationBudget.MaxTokenBytes"/>. Both bytes also mark tags in UTF-16 parts.
    /// </summary>
    private void BoundTokenLength(ReadOnlySpan<byte> chunk)
    {
        var lastMarkup = chunk.LastIndexOfAny((byte)'<', (byte)'>');
        tokenRun = lastMarkup >= 0 ? chunk.Length - lastMarkup - 1 : tokenRun + chunk.Length;
        if (tokenRun > budget.MaxTokenBytes)
        {
            throw new PackageRefusedException(budget.Token(entry.Name));
        }
    }

    private void KeepHead(ReadOnlySpan<byte> chunk)
    {
        if (HeadLength < Head.Length)
        {
            var take = Math.Min(Head.Length - HeadLength, chunk.Length);
            chunk[..take].CopyTo(Head.AsSpan(HeadLength));
            HeadLength += take;
        }
    }

    private void ScanForDtd(ReadOnlySpan<byte> chunk)
    {
        // Markers can straddle two reads: scan the previous tail joined to this chunk's head, then the chunk itself,
        // without copying the chunk.
        Span<byte> seam = stackalloc byte[CarryLength * 2];
        var head = Math.Min(CarryLength, chunk.Length);
        carry.AsSpan(0, carried).CopyTo(seam);
        chunk[..head].CopyTo(seam[carried..]);
        if (ContainsMarker(seam[..(carried + head)]) || ContainsMarker(chunk))
        {
            SawDtd = true;
            return;
        }

        if (chunk.Length >= CarryLength)
        {
            chunk[^CarryLength..].CopyTo(carry);
            carried = CarryLength;
        }
        else
        {
            var joined = seam[..(carried + head)];
            var keep = Math.Min(CarryLength, joined.Length);
            joined[^keep..].CopyTo(carry);
            carried = keep;
        }
    }

    private static bool ContainsMarker(ReadOnlySpan<byte> scan)
    {
        foreach (var marker in DtdMarkers)
        {
            if (scan.IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}

/// <summary>The package-wide allowance of inflated bytes, shared by every entry of one inspection.</summary>
internal sealed class InflationBudget(string file, PackageLimits limits)
{
    private long spent;

    /// <summary>Counts inflated bytes; refuses the package once they pass <see cref="PackageLimits.MaxInflatedBytes"/>.</summary>
    public void Spend(int bytes)
    {
        spent += bytes;
        if (spent > limits.MaxInflatedBytes)
        {
            throw new PackageRefusedException(Refusals.Bomb(file, $"se descomprime a más de {Refusals.Megabytes(limits.MaxInflatedBytes)}"));
        }
    }

    /// <summary>Longest run of XML without markup: an eighth of the inflation budget, and never more than 16 MB.</summary>
    public long MaxTokenBytes { get; } = Math.Min(16L * 1024 * 1024, limits.MaxInflatedBytes / 8);

    /// <summary>The refusal for an XML part with a single attribute or text run longer than <see cref="MaxTokenBytes"/>.</summary>
    public Pmg.Domain.Diagnostics.Diagnostic Token(string part) =>
        Refusals.Bomb(file, $"la parte «{part}» contiene un solo texto o atributo de más de {Refusals.Megabytes(MaxTokenBytes)}");

    /// <summary>The refusal for an entry that inflates past its declared size.</summary>
    public Pmg.Domain.Diagnostics.Diagnostic Lie(string part) =>
        Refusals.Bomb(file, $"la parte «{part}» se descomprime a más bytes de los que declara su encabezado ZIP");
}
