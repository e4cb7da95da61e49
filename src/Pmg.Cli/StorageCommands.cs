using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Pmg.Cli.Commands;

namespace Pmg.Cli;

/// <summary>The commands that need storage or e-mail, as the root command names them.</summary>
public enum StorageCommand
{
    /// <summary>`pmg upload`.</summary>
    Upload,

    /// <summary>`pmg status`.</summary>
    Status,

    /// <summary>`pmg recalc`.</summary>
    Recalc,

    /// <summary>`pmg retry`.</summary>
    Retry,

    /// <summary>`pmg contacts`.</summary>
    Contacts,

    /// <summary>`pmg access`.</summary>
    Access,

    /// <summary>`pmg report get`.</summary>
    ReportGet,
}

/// <summary>
/// Where the commands that need storage or e-mail run. A build the .NET runtime runs (tests, <c>dotnet pmg.dll</c>,
/// the ReadyToRun publish) has them in process. The NativeAOT-published <c>pmg</c>, which starts in milliseconds for
/// <c>validate</c>, <c>report</c> and <c>template</c>, is compiled without them (Azure.Data.Tables, CsvHelper and
/// SendGrid's Newtonsoft.Json are not trim/AOT-safe) and hands them, arguments untouched, to the ReadyToRun build
/// published beside it (<c>full/pmg</c>), as git runs its <c>git-foo</c> programs.
/// </summary>
public abstract class StorageCommands
{
    /// <summary>The runtime switch (set false by the NativeAOT publish, see Pmg.Cli.csproj) that leaves them out.</summary>
    public const string InProcessSwitch = "Pmg.Cli.StorageCommandsInProcess";

    private protected StorageCommands()
    {
    }

    /// <summary>
    /// True unless the build was published NativeAOT. The AOT compiler reads the switch as a constant and drops the
    /// in-process branch with everything only it reaches (the storage, e-mail and pipeline adapters).
    /// </summary>
    [FeatureSwitchDefinition(InProcessSwitch)]
    public static bool InProcess => !AppContext.TryGetSwitch(InProcessSwitch, out var enabled) || enabled;

    /// <summary>This build's way: in process, or forwarded to <see cref="ForwardedStorageCommands.BesideThisProgram"/>.</summary>
    public static StorageCommands ForThisBuild() =>
        InProcess ? new InProcessStorageCommands() : new ForwardedStorageCommands(ForwardedStorageCommands.BesideThisProgram());

    /// <summary>The command <paramref name="command"/> as the root command adds it.</summary>
    public abstract Command Create(StorageCommand command, CliEnvironment environment);
}

/// <summary>The storage commands themselves.</summary>
internal sealed class InProcessStorageCommands : StorageCommands
{
    public override Command Create(StorageCommand command, CliEnvironment environment) => command switch
    {
        StorageCommand.Upload => UploadCommand.Create(environment),
        StorageCommand.Status => StatusCommand.Create(environment),
        StorageCommand.Recalc => RecalcCommand.Create(environment),
        StorageCommand.Retry => RetryCommand.Create(environment),
        StorageCommand.Contacts => ContactsCommand.Create(environment),
        StorageCommand.Access => AccessCommand.Create(environment),
        StorageCommand.ReportGet => ReportGetCommand.Create(environment),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown storage command"),
    };
}

/// <summary>Each storage command as `pmg --help` lists it (name, description, files argument), run by another pmg executable.</summary>
/// <param name="executable">The pmg that has the storage commands in process.</param>
internal sealed class ForwardedStorageCommands(string executable) : StorageCommands
{
    /// <summary>The ReadyToRun build run.sh publishes beside the NativeAOT one: <c>artifacts/pmg/full/pmg</c>.</summary>
    public static string BesideThisProgram() => Path.Combine(AppContext.BaseDirectory, "full", "pmg");

    public override Command Create(StorageCommand command, CliEnvironment environment)
    {
        var forwarded = command switch
        {
            StorageCommand.Upload => new ForwardedCommand(UploadCommand.Name, UploadCommand.Description, executable, environment)
            {
                new Argument<string[]>(UploadCommand.FilesArgument) { Arity = ArgumentArity.OneOrMore },
            },
            StorageCommand.Status => new ForwardedCommand(StatusCommand.Name, StatusCommand.Description, executable, environment),
            StorageCommand.Recalc => new ForwardedCommand(RecalcCommand.Name, RecalcCommand.Description, executable, environment),
            StorageCommand.Retry => new ForwardedCommand(RetryCommand.Name, RetryCommand.Description, executable, environment),
            StorageCommand.Contacts => new ForwardedCommand(ContactsCommand.Name, ContactsCommand.Description, executable, environment),
            StorageCommand.Access => new ForwardedCommand(AccessCommand.Name, AccessCommand.Description, executable, environment),
            StorageCommand.ReportGet => new ForwardedCommand(ReportGetCommand.Name, ReportGetCommand.Description, executable, environment),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown storage command"),
        };
        return forwarded;
    }
}

/// <summary>
/// A command whose options, help and work belong to another pmg: whatever follows its name is not parsed here,
/// <see cref="PmgCommandLine.RunAsync"/> hands the whole command line over and returns that process's exit code.
/// </summary>
internal sealed class ForwardedCommand : Command
{
    private readonly string _executable;
    private readonly CliEnvironment _environment;

    public ForwardedCommand(string name, string description, string executable, CliEnvironment environment)
        : base(name, description)
    {
        _executable = executable;
        _environment = environment;
        TreatUnmatchedTokensAsErrors = false;
    }

    /// <summary>Runs <paramref name="args"/> (the whole command line) in the other pmg, sharing this one's console.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_executable) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        await _environment.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        Process? process = null;
        try
        {
            process = File.Exists(_executable) ? Process.Start(start) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // There but not executable: said as missing below.
        }

        if (process is null)
        {
            await _environment.Error.WriteLineAsync(
                $"No se puede ejecutar «{_executable}»: este pmg (NativeAOT) ejecuta «{Name}» con la versión completa publicada a su lado. Publíquela con eng/publish-cli.sh (o ./run.sh), o use la compilación: dotnet src/Pmg.Cli/bin/Release/net10.0/pmg.dll.".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return PmgCommandLine.UsageError;
        }

        // Ctrl+C reaches the other process too (one foreground process group): it stops its own work and exits, and
        // its exit code is this one's, so waiting is not cancelled. A SIGTERM or SIGHUP sent to this process alone
        // (a service manager, a closed terminal) ends the other one too rather than leave it running orphaned.
        using (process)
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => EndTree(process)))
        using (PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => EndTree(process)))
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return process.ExitCode;
        }
    }

    private static void EndTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already ended.
        }
    }
}
