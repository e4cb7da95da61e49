namespace Pmg.Testing;

/// <summary>The repository and its samples: <c>samples/forms</c>, <c>samples/expected</c>, <c>samples/contacts</c>.</summary>
public static class Samples
{
    /// <summary>The repository root (the folder with PmgFunctions.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>samples/forms.</summary>
    public static string FormsDirectory => Path.Combine(RepositoryRoot, "samples", "forms");

    /// <summary>The bytes of a sample form.</summary>
    public static byte[] Form(string fileName) => File.ReadAllBytes(FormPath(fileName));

    /// <summary>The path of a sample form.</summary>
    public static string FormPath(string fileName) => Path.Combine(FormsDirectory, fileName);

    /// <summary>The path of an expected result (samples/expected).</summary>
    public static string ExpectedPath(string fileName) => Path.Combine(RepositoryRoot, "samples", "expected", fileName);

    /// <summary>The path of a sample address book (samples/contacts).</summary>
    public static string ContactsPath(string fileName) => Path.Combine(RepositoryRoot, "samples", "contacts", fileName);

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
