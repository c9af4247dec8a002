using System.Text.Json.Nodes;
using SalesCoachBot.Deployment.Tests.Support;

namespace SalesCoachBot.Deployment.Tests.Infra;

/// <summary>The templates compile and lint clean with the pinned Bicep CLI: any warning or error fails.</summary>
[Collection(InfraGroup.Name)]
public sealed class BicepQualityTests(InfraFixture infra)
{
    [Fact]
    public void Main_bicep_compiles_without_warnings()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.True(BicepCli.Diagnostics(infra.Build).Count == 0, infra.Build.ToString());
    }

    [Fact]
    public void Main_bicep_and_its_modules_pass_the_linter_without_warnings()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.ToString());
        Assert.True(BicepCli.Diagnostics(infra.Lint).Count == 0, infra.Lint.ToString());
    }

    [Fact]
    public void The_parameters_file_compiles_against_the_template()
    {
        Assert.True(infra.BuildParams.ExitCode == 0, infra.BuildParams.ToString());
        Assert.True(BicepCli.Diagnostics(infra.BuildParams).Count == 0, infra.BuildParams.ToString());
    }

    [Fact]
    public async Task The_linter_configuration_turns_a_best_practice_slip_into_an_error()
    {
        // Proves bicepconfig.json bites: an unused parameter, only a warning by default, must fail the lint.
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Repository.Infra, "bicepconfig.json"), temp.File("bicepconfig.json"));
        await File.WriteAllTextAsync(temp.File("probe.bicep"), "param forgotten string = 'x'\noutput answer int = 42\n");

        var run = await BicepCli.RunAsync(temp.Path, "lint", temp.File("probe.bicep"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(BicepCli.Diagnostics(run), line => line.Contains("Error no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void Infra_uses_only_local_modules()
    {
        // Offline builds and reviewable infrastructure: no registry (br:) or template spec (ts:) modules.
        var modules = Directory.GetFiles(Repository.Infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.TrimStart().StartsWith("module ", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(modules);
        Assert.All(modules, line => Assert.Matches(@"^\s*module \w+ 'modules/[\w-]+\.bicep'", line));
    }

    [Fact]
    public void No_template_reads_keys_or_connection_strings_of_a_resource()
    {
        // listKeys()/listConnectionStrings() are how secrets get into settings; the deployment must need none.
        var expressions = Strings(infra.CompiledTemplate).Where(s => s.StartsWith('[')).ToList();

        Assert.NotEmpty(expressions);
        Assert.DoesNotContain(expressions, e => e.Contains("listKeys(", StringComparison.OrdinalIgnoreCase)
            || e.Contains("listConnectionStrings(", StringComparison.OrdinalIgnoreCase)
            || e.Contains("listCredentials(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_parameter_takes_a_secret()
    {
        // Keyless by design: a securestring parameter would mean a secret has to be handed to the deployment.
        var parameters = infra.CompiledTemplate["parameters"]!.AsObject();

        Assert.NotEmpty(parameters);
        Assert.DoesNotContain(parameters, p => ((string?)p.Value!["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void The_compiled_arm_template_itself_has_the_msi_bot_and_no_literal_secret_setting()
    {
        // What "az deployment group create" sends is the compiled JSON: check it directly, not only its snapshot
        // (the container checks read the snapshot, where the loop over the containers is evaluated).
        var resources = Resources(infra.CompiledTemplate).ToList();

        var bot = resources.Single(r => (string?)r["type"] == "Microsoft.BotService/botServices");
        Assert.Equal("UserAssignedMSI", (string?)bot["properties"]!["msaAppType"]);
        var settings = resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites/config")["properties"]!.AsObject();
        Assert.Contains(settings, s => s.Key == "MicrosoftAppType" && (string?)s.Value == "UserAssignedMSI");
        Assert.DoesNotContain(settings, s => new[] { "key", "password", "secret", "token" }.Any(w => s.Key.Contains(w, StringComparison.OrdinalIgnoreCase))
            && !((string)s.Value!).StartsWith('['));
    }

    /// <summary>Every resource of a compiled template, modules' nested templates included.</summary>
    private static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name; older ones in an array.
        var resources = template["resources"] switch
        {
            JsonObject byName => byName.Select(p => p.Value!.AsObject()),
            JsonArray list => list.Select(r => r!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
