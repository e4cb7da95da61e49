namespace Pmg.Forms.Tests.Samples;

/// <summary>Finds /work/shared: the repository is cloned beside <c>shared/</c>, so it is <c>&lt;repo&gt;/../shared</c>.</summary>
internal static class SharedSamples
{
    public static string Root { get; } = Locate();

    public static string Form(string name) => Path.Combine(Root, "samples", "forms", name);

    public static string Expected(string name) => Path.Combine(Root, "samples", "expected", name);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PmgFunctions.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException("PmgFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
