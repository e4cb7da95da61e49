using System.CommandLine;

namespace Pmg.Cli.Commands;

/// <summary>Argument helpers shared by the commands.</summary>
internal static class CommandArguments
{
    /// <summary>
    /// One or more paths. A token that looks like an option ("--colour") is a usage error rather than a file name:
    /// otherwise a mistyped option would be read as a missing file. A file whose name starts with "-" is given as "./-name".
    /// </summary>
    public static Argument<string[]> Paths(string name, string description)
    {
        var argument = new Argument<string[]>(name)
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
        };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"opción desconocida «{token.Value}».");
            }
        });
        return argument;
    }
}
