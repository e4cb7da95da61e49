namespace Pmg.Storage.Tests;

/// <summary>Finds the repository and its sample forms (<c>samples/forms</c>).</summary>
internal static class Samples
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string FormsDirectory => Path.Combine(RepositoryRoot, "samples", "forms");

    public static byte[] Form(string fileName) => File.ReadAllBytes(Path.Combine(FormsDirectory, fileName));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmgFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PmgFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
