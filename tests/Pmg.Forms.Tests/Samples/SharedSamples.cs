namespace Pmg.Forms.Tests.Samples;

/// <summary>The sample forms and what they must read to, in the repository's <c>samples/</c> folder.</summary>
internal static class SharedSamples
{
    // The safety tests already locate the shared folder; reuse it rather than walking up a second time.
    public static string Form(string name) => Path.Combine(Safety.Samples.FormsDirectory, name);

    public static string Expected(string name) => Path.GetFullPath(Path.Combine(Safety.Samples.FormsDirectory, "..", "expected", name));
}
