namespace Pmg.Cli.Tests;

/// <summary>Finds the shared sample forms next to the repository.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PmgFunctions.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "samples"));
            }
        }

        throw new DirectoryNotFoundException("PmgFunctions.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Form(string name) => Path.Combine(Root.Value, "forms", name);

    public static string Expected(string name) => Path.Combine(Root.Value, "expected", name);
}

/// <summary>A temporary folder deleted at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pmg-cli-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
