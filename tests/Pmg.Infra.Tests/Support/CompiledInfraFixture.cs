namespace Pmg.Infra.Tests.Support;

/// <summary>Compiles and lints infra/main.bicep once for every test class in the "Compiled infra" collection.</summary>
public sealed class CompiledInfraFixture : IAsyncLifetime
{
    private CompiledTemplate? compiled;
    private BicepRun? lint;

    /// <summary>infra/main.bicep in this repository.</summary>
    public static string MainBicep { get; } = Path.Combine(BicepCli.RepositoryRoot, "infra", "main.bicep");

    /// <summary>The compiled ARM template.</summary>
    public ArmTemplate Template => Compiled.Template;

    /// <summary>The result of `bicep build`.</summary>
    public CompiledTemplate Compiled => compiled ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The result of `bicep lint`.</summary>
    public BicepRun Lint => lint ?? throw new InvalidOperationException("Not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var build = BicepCli.BuildAsync(MainBicep);
        var linting = BicepCli.RunAsync(["lint", MainBicep]);
        compiled = await build;
        lint = await linting;
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Test classes that share one compilation of infra/main.bicep.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfraFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "Compiled infra";
}
