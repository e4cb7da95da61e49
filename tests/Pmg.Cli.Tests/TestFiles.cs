namespace Pmg.Cli.Tests;

/// <summary>The repository's sample forms and expectations (<c>samples/</c>), located by the storage tests' <c>Samples</c> (linked in).</summary>
internal static class Samples
{
    private static string SamplesDirectory => Path.GetFullPath(Path.Combine(Pmg.Storage.Tests.Samples.FormsDirectory, ".."));

    public static string Form(string name) => Path.Combine(SamplesDirectory, "forms", name);

    public static string Expected(string name) => Path.Combine(SamplesDirectory, "expected", name);
}

/// <summary>A temporary folder deleted at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pmg-cli-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
