using Pmg.Domain.Reading;

namespace Pmg.Cli;

/// <summary>The composition root's <see cref="IFormReader"/>, resolved the first time a form is read.</summary>
/// <param name="resolve">Resolves the reader from the application's services.</param>
internal sealed class DeferredFormReader(Func<IFormReader> resolve) : IFormReader
{
    private readonly Lazy<IFormReader> _reader = new(resolve);

    public Task<FormReadResult> ReadAsync(Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default) =>
        _reader.Value.ReadAsync(content, fileName, options, cancellationToken);
}
