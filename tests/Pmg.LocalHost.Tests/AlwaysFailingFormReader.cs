using System.Collections.Concurrent;
using Pmg.Domain.Reading;

namespace Pmg.LocalHost.Tests;

/// <summary>A form reader with a bug: it throws on every file, as an unexpected failure would, and counts the attempts.</summary>
internal sealed class AlwaysFailingFormReader : IFormReader
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Calls(string blobName) => _calls.Where(c => blobName.EndsWith(c.Key, StringComparison.Ordinal)).Sum(c => c.Value);

    public Task<FormReadResult> ReadAsync(Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default)
    {
        _calls.AddOrUpdate(fileName, 1, (_, count) => count + 1);
        throw new InvalidOperationException("Simulated reader failure for " + fileName);
    }
}
