using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Deployment.Tests.AppPackage;

/// <summary>
/// The official Teams app manifest schemas, as shipped in the npm package @microsoft/app-manifest (installed in
/// tests/tools by SalesCoachBot.Testing's build), and validation of a manifest against the one it names.
/// </summary>
/// <remarks>
/// The schemas declare JSON Schema draft-04, which JsonSchema.Net does not implement. They are evaluated as draft-07:
/// the two drafts differ only in keywords these schemas do not use as schema keywords (boolean exclusiveMinimum and
/// exclusiveMaximum, "id"), which <c>TeamsManifestSchemaTests</c> checks, and draft-07 also enforces the "const" the
/// schema authors wrote (e.g. manifestVersion), which a strict draft-04 validator would ignore.
/// All "$ref"s are local ("#/definitions/…"), resolved within the schema itself.
/// </remarks>
internal static partial class TeamsManifestSchema
{
    public const string Package = "@microsoft/app-manifest";

    public static string SchemaFolder =>
        Path.GetDirectoryName(Path.GetDirectoryName(TestTools.PackageFile(Package, "build/json-schemas/teams/v1.19/MicrosoftTeams.schema.json")))!;

    /// <summary>The manifest versions the package ships a schema for (numbered ones; the dev preview is left out).</summary>
    public static IReadOnlyList<Version> Versions() =>
        Directory.GetDirectories(SchemaFolder)
            .Select(Path.GetFileName)
            .Select(name => VersionFolder().Match(name!))
            .Where(m => m.Success && File.Exists(Path.Combine(SchemaFolder, m.Value, "MicrosoftTeams.schema.json")))
            .Select(m => Version.Parse(m.Groups["v"].Value))
            .Order()
            .ToList();

    public static string SchemaText(string manifestVersion) =>
        File.ReadAllText(TestTools.PackageFile(Package, $"build/json-schemas/teams/v{manifestVersion}/MicrosoftTeams.schema.json"));

    /// <summary>The errors of <paramref name="manifest"/> against the schema of its own manifestVersion, one per line; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var version = (string?)manifest["manifestVersion"] ?? throw new ArgumentException("The manifest has no manifestVersion.", nameof(manifest));
        var schema = JsonNode.Parse(SchemaText(version))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";

        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 };
        var compiled = JsonSchema.FromText(schema.ToJsonString(), build);
        var instance = JsonSerializer.SerializeToElement(manifest);
        var results = compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });

        var errors = new List<string>();
        Collect(results, errors);
        if (!results.IsValid && errors.Count == 0)
        {
            errors.Add("/: invalid, but the validator reported no detail");
        }

        return errors.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        var at = node.InstanceLocation.ToString() is { Length: > 0 } pointer ? pointer : "/";
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add(keyword.Length == 0
                ? $"{at}: property not allowed here ({node.EvaluationPath})"
                : $"{at}: {message} ({keyword} at {node.EvaluationPath})");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    [GeneratedRegex(@"^v(?<v>\d+\.\d+)$")]
    private static partial Regex VersionFolder();
}
