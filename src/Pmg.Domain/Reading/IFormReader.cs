using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;

namespace Pmg.Domain.Reading;

/// <summary>Reads a submitted file into a <see cref="Submission"/>, or refuses it with diagnostics.</summary>
public interface IFormReader
{
    /// <summary>
    /// Reads a form. Never throws for bad input: an unreadable or hostile file is a refused result with error
    /// diagnostics. Only cancellation and bugs escape as exceptions.
    /// </summary>
    Task<FormReadResult> ReadAsync(Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default);
}

/// <summary>What the caller knows about a file besides its bytes.</summary>
public sealed record FormReadOptions
{
    /// <summary>The service, when the document does not say (e.g. from the blob path).</summary>
    public string? Service { get; init; }

    /// <summary>Year to use when the document does not state one.</summary>
    public int? Year { get; init; }

    /// <summary>Region (code or any spelling) to use when the document does not state one.</summary>
    public string? Region { get; init; }

    /// <summary>Defaults.</summary>
    public static FormReadOptions Default { get; } = new();
}

/// <summary>The outcome of reading one file.</summary>
public sealed record FormReadResult
{
    /// <summary>The file's name as given.</summary>
    public required string FileName { get; init; }

    /// <summary>The sniffed format.</summary>
    public FormFormat Format { get; init; }

    /// <summary>The form, when it could be read; null when the file was refused.</summary>
    public Submission? Submission { get; init; }

    /// <summary>Everything found while reading (refusal reasons, notices, cell errors).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the file was read as a form (it may still have errors that make a programme INVALIDO).</summary>
    public bool Accepted => Submission is not null;

    /// <summary>A refused result.</summary>
    public static FormReadResult Refused(string fileName, FormFormat format, params Diagnostic[] diagnostics) =>
        new() { FileName = fileName, Format = format, Diagnostics = diagnostics };
}
