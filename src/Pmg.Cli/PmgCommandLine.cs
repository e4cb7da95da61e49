using System.CommandLine;
using System.Globalization;
using Pmg.Cli.Commands;

namespace Pmg.Cli;

/// <summary>The `pmg` command line: the root command, its subcommands, and how a run maps to exit codes.</summary>
public static partial class PmgCommandLine
{
    /// <summary>Everything went well: all files accepted, no errors.</summary>
    public const int Success = 0;

    /// <summary>A file was refused or has error diagnostics.</summary>
    public const int FormErrors = 1;

    /// <summary>The command line itself was wrong (unknown option, missing argument, file not found).</summary>
    public const int UsageError = 2;

    /// <summary>Storage could not be reached or refused the request, or signing in to Azure failed: nothing about a form.</summary>
    public const int StorageFailure = 3;

    /// <summary>
    /// Builds the root command. To add a command, add a file under Commands/ and one line here; a command that needs
    /// storage or e-mail also gets a <see cref="StorageCommand"/> (the NativeAOT pmg runs it through the full build).
    /// </summary>
    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        var root = new RootCommand("pmg: valida y consolida formularios PMG Gestión Territorial (Etapa 3).");
        var storage = environment.Storage;
        var report = ReportCommand.Create(environment);
        report.Subcommands.Add(storage.Create(StorageCommand.ReportGet, environment));
        root.Subcommands.Add(ValidateCommand.Create(environment));
        root.Subcommands.Add(report);
        root.Subcommands.Add(storage.Create(StorageCommand.Upload, environment));
        root.Subcommands.Add(storage.Create(StorageCommand.Status, environment));
        root.Subcommands.Add(storage.Create(StorageCommand.Recalc, environment));
        root.Subcommands.Add(storage.Create(StorageCommand.Retry, environment));
        root.Subcommands.Add(storage.Create(StorageCommand.Contacts, environment));
        root.Subcommands.Add(storage.Create(StorageCommand.Access, environment));
        root.Subcommands.Add(TemplateCommand.Create(environment));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // System.CommandLine ships Spanish parse errors and help; the culture change stays within this async flow.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-CL");
        var parseResult = CreateRootCommand(environment).Parse(args);
        if (parseResult.CommandResult.Command is ForwardedCommand forwarded)
        {
            return await forwarded.RunAsync(args, cancellationToken).ConfigureAwait(false);
        }

        if (parseResult.CommandResult.Command is RootCommand root && parseResult.UnmatchedTokens is [var unknown, ..] && !unknown.StartsWith('-'))
        {
            // One sentence instead of System.CommandLine's two ("no se proporcionó el comando requerido" and "no reconocido").
            var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
            await environment.Error.WriteLineAsync($"Uso incorrecto: «{unknown}» no es un comando de pmg; los comandos son {commands}.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return await HintAsync(environment, cancellationToken).ConfigureAwait(false);
        }

        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await environment.Error.WriteLineAsync($"Uso incorrecto: {WithoutTypeNames(error.Message)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return await HintAsync(environment, cancellationToken).ConfigureAwait(false);
        }

        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);

        // A command's own usage errors (a file that does not exist, an unknown service) end with the same pointer.
        return exitCode == UsageError ? await HintAsync(environment, cancellationToken).ConfigureAwait(false) : exitCode;
    }

    private static async Task<int> HintAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        await environment.Error.WriteLineAsync("Use «pmg --help» para ver los comandos y opciones.".AsMemory(), cancellationToken).ConfigureAwait(false);
        return UsageError;
    }

    /// <summary>
    /// System.CommandLine names the .NET type a value failed to convert to ("como el tipo esperado
    /// 'System.Nullable`1[System.Int32]'"); options with a parser of their own never get there, and this keeps any
    /// other from showing a type name to a person.
    /// </summary>
    internal static string WithoutTypeNames(string message)
    {
        var match = ConversionError().Match(message);
        return match.Success ? $"el valor «{match.Groups["value"].Value}» de {match.Groups["option"].Value} no es válido." : message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'(?<value>[^']*)'[^']*'(?<option>[^']*)'[^']*'System\.[^']*'")]
    private static partial System.Text.RegularExpressions.Regex ConversionError();
}
