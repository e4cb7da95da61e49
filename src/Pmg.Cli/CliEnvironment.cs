using Pmg.Domain.Reading;
using Spectre.Console;

namespace Pmg.Cli;

/// <summary>
/// What a command writes to and reads with: the console for people, stdout for JSON, stderr for usage errors,
/// and the form reader. Tests pass their own writers and run the real command line in-process.
/// </summary>
/// <param name="Console">Tables and messages for people.</param>
/// <param name="Out">Standard output; with --json nothing but JSON is written here.</param>
/// <param name="Error">Standard error, for usage errors in Spanish.</param>
/// <param name="Reader">Reads .docx/.xlsx forms.</param>
public sealed record CliEnvironment(IAnsiConsole Console, TextWriter Out, TextWriter Error, IFormReader Reader)
{
    /// <summary>Where upload, status, recalc, retry, contacts, access and report get run (in process unless NativeAOT).</summary>
    public StorageCommands Storage { get; init; } = StorageCommands.ForThisBuild();
}
