using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCoachBot.Deployment.Tests.Support;

namespace SalesCoachBot.Deployment.Tests.Infra;

/// <summary>
/// Compiles and lints infra/ once for all infrastructure tests, and takes two "bicep snapshot"s: the deployment
/// Azure would receive, with every expression that does not need a live resource evaluated, for the default
/// parameters (infra/main.bicepparam) and for provisioned autoscale throughput.
/// </summary>
public sealed partial class InfraFixture : IAsyncLifetime
{
    public const string SubscriptionId = "11111111-2222-3333-4444-555555555555";
    public const string ResourceGroup = "rg-salescoach-test";
    public const string AutoscaleMaxThroughput = "4000";

    private readonly TempFolder _temp = new();

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal BicepRun BuildParams { get; private set; } = null!;

    /// <summary>The compiled ARM template of infra/main.bicep (modules nested as deployments).</summary>
    public JsonObject CompiledTemplate { get; private set; } = null!;

    /// <summary>The deployment with the defaults of infra/main.bicepparam.</summary>
    public Snapshot Default { get; private set; } = null!;

    /// <summary>The deployment with cosmosThroughputMode = 'Autoscale'.</summary>
    public Snapshot Autoscale { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var compiled = _temp.File("main.json");
        var main = Path.Combine(Repository.Infra, "main.bicep");
        var defaults = await File.ReadAllTextAsync(Path.Combine(Repository.Infra, "main.bicepparam"));
        var defaultParams = WriteParams("default.bicepparam", UsingLine().Replace(defaults, Using(), 1));
        var autoscaleParams = WriteParams("autoscale.bicepparam", $"""
            {Using()}
            param cosmosThroughputMode = 'Autoscale'
            param cosmosAutoscaleMaxThroughput = {AutoscaleMaxThroughput}
            """);
        if (!UsingLine().IsMatch(defaults))
        {
            throw new InvalidOperationException("infra/main.bicepparam does not start with \"using 'main.bicep'\"; the snapshot cannot point at the template.");
        }

        var build = BicepCli.RunAsync(Repository.Infra, "build", main, "--outfile", compiled);
        var lint = BicepCli.RunAsync(Repository.Infra, "lint", main);
        var buildParams = BicepCli.RunAsync(Repository.Infra, "build-params", Path.Combine(Repository.Infra, "main.bicepparam"), "--outfile", _temp.File("main.parameters.json"));
        var snapshots = Task.WhenAll(TakeSnapshotAsync(defaultParams), TakeSnapshotAsync(autoscaleParams));
        (Build, Lint, BuildParams) = (await build, await lint, await buildParams);
        var taken = await snapshots;
        (Default, Autoscale) = (taken[0], taken[1]);
        CompiledTemplate = File.Exists(compiled)
            ? JsonNode.Parse(await File.ReadAllTextAsync(compiled))!.AsObject()
            : throw new InvalidOperationException($"bicep build wrote no template.\n{Build}");
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private string Using() =>
        $"using '{Path.GetRelativePath(_temp.Path, Path.Combine(Repository.Infra, "main.bicep")).Replace('\\', '/')}'";

    private string WriteParams(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<Snapshot> TakeSnapshotAsync(string paramsFile)
    {
        var run = await BicepCli.RunAsync(_temp.Path, "snapshot", paramsFile, "--mode", "overwrite",
            "--subscription-id", SubscriptionId, "--resource-group", ResourceGroup, "--location", "westeurope",
            "--tenant-id", "99999999-8888-7777-6666-555555555555");
        var file = Path.ChangeExtension(paramsFile, ".snapshot.json");
        if (run.ExitCode != 0 || !File.Exists(file))
        {
            throw new InvalidOperationException($"bicep snapshot failed.\n{run}");
        }

        return new Snapshot(JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject());
    }

    [GeneratedRegex(@"^using\s+'main\.bicep'", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}

/// <summary>A "bicep snapshot": the resources a deployment would create, with their evaluated properties.</summary>
public sealed class Snapshot(JsonObject document)
{
    public IReadOnlyList<JsonObject> Resources(string type) =>
        document["predictedResources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public JsonObject One(string type) =>
        Resources(type) is [var only] ? only : throw new InvalidOperationException($"Expected one {type}, found {Resources(type).Count}.");

    public JsonObject Outputs => document["outputs"]!.AsObject();

    public string Id(string type, string nameContains) =>
        (string)Resources(type).Single(r => ((string)r["name"]!).Contains(nameContains, StringComparison.Ordinal))["id"]!;
}

[CollectionDefinition(Name)]
public sealed class InfraGroup : ICollectionFixture<InfraFixture>
{
    public const string Name = "infra";
}
