using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// Validates card JSON against the official Adaptive Card 1.5 schema (draft-06): the second check of the cards, after
/// the renderer (<see cref="CardChecks"/>). The schema is deliberately not copied into the repository; it lives in
/// shared/schemas beside the checkout on developers' machines and CI, or wherever <see cref="PathVariable"/> says.
/// Where it is not, the schema tests are skipped (<see cref="SchemaFactAttribute"/>) and no other test needs it.
/// </summary>
internal static partial class AdaptiveCardSchema
{
    public const string SchemaFileName = "adaptive-card-1.5.schema.json";

    /// <summary>The environment variable that names the schema file, for a machine without shared/ beside the checkout.</summary>
    public const string PathVariable = "SALESCOACH_CARD_SCHEMA";

    private const string SolutionFileName = "SalesCoachBot.sln";

    private static readonly Lazy<string?> SchemaPath = new(() => Locate(Environment.GetEnvironmentVariable(PathVariable), AppContext.BaseDirectory));

    // Failures are cached too: with a broken file every schema test fails with the same message.
    private static readonly Lazy<LoadedSchema> Schema = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether this run checks cards against the schema too.</summary>
    public static bool IsPresent => SchemaPath.Value is not null;

    /// <summary>Why the schema tests are skipped in this run, or null when they run.</summary>
    public static string? SkipReason => IsPresent ? null : MissingSchemaMessage(AppContext.BaseDirectory);

    /// <summary>
    /// Returns the errors that locate the mistake, one per line, "instance pointer: message
    /// (keyword at schema path)"; empty when the card is valid.
    /// </summary>
    /// <remarks>
    /// Teams reads a root "msteams" object (e.g. width "Full") that the official schema does not
    /// define, and its AdaptiveCard has additionalProperties: false. So that one property is removed
    /// at the card's root before evaluating; "msteams" anywhere else is still an error.
    /// </remarks>
    public static IReadOnlyList<string> Validate(string cardJson)
    {
        JsonNode? card;
        try
        {
            card = JsonNode.Parse(cardJson);
        }
        catch (JsonException e)
        {
            return [$"/: not JSON: {e.Message}"];
        }

        if (card is JsonObject root)
        {
            root.Remove("msteams");
        }

        var instance = JsonSerializer.SerializeToElement(card);

        // A pass/fail answer first: most cards are valid, and collecting every node's details costs
        // many times more than the verdict.
        var verdict = Schema.Value.Compiled.Evaluate(instance, EvaluationOptionsFor(OutputFormat.Flag));
        if (verdict.IsValid)
        {
            return [];
        }

        // Hierarchical output keeps each failing subschema as its own node, so leaf errors point
        // at the exact property instead of "no anyOf branch matched" at the root.
        var results = Schema.Value.Compiled.Evaluate(instance, EvaluationOptionsFor(OutputFormat.Hierarchical));
        var errors = new List<string>();
        CollectLeafErrors(results, instance, errors);
        if (!results.IsValid && errors.Count == 0)
        {
            errors.Add("/: invalid, but the validator reported no detail");
        }

        return errors.Distinct(StringComparer.Ordinal).ToList();
    }

    private static EvaluationOptions EvaluationOptionsFor(OutputFormat format) => new()
    {
        OutputFormat = format,
        // Draft-06 treats "format" as an annotation; asserting it also checks $schema and URLs.
        RequireFormatValidation = true,
    };

    /// <summary>A fresh copy of the schema's "definitions", for tests that inspect its enum lists.</summary>
    public static JsonObject Definitions() =>
        JsonNode.Parse(Schema.Value.Text)!["definitions"]!.AsObject();

    /// <summary>
    /// The schema file to use: the one <see cref="PathVariable"/> names when it is set (even if missing, so that a
    /// wrong path fails loudly instead of skipping), else the one found from <paramref name="startDirectory"/> upward.
    /// </summary>
    internal static string? Locate(string? variableValue, string startDirectory) =>
        string.IsNullOrWhiteSpace(variableValue) ? FindSchemaFile(startDirectory) : Path.GetFullPath(variableValue);

    /// <summary>The schema file found from <paramref name="startDirectory"/> upward, or null.</summary>
    /// <remarks>
    /// Looks in shared/schemas beside the checkout (the folder holding the solution), then in every
    /// folder above it, in case the checkout is nested deeper. Folders inside the checkout are not
    /// searched, so a stray copy in the repository is never picked up.
    /// </remarks>
    internal static string? FindSchemaFile(string startDirectory)
    {
        var checkout = Ancestors(startDirectory)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir.FullName, SolutionFileName)));
        var searchFrom = checkout?.Parent ?? new DirectoryInfo(startDirectory);
        return Ancestors(searchFrom.FullName)
            .Select(dir => Path.Combine(dir.FullName, "shared", "schemas", SchemaFileName))
            .FirstOrDefault(File.Exists);
    }

    internal static string MissingSchemaMessage(string startDirectory) =>
        $"The Adaptive Card 1.5 JSON schema was not found, so this second check of the cards is skipped (the " +
        $"renderer check of every card still runs): looked for shared/schemas/{SchemaFileName} beside the " +
        $"checkout holding {SolutionFileName} and in every folder above it, starting from '{startDirectory}', " +
        $"and {PathVariable} is not set. It is kept out of the repository on purpose; to run these tests, put " +
        $"the official schema there or set {PathVariable} to its path. The public copy is " +
        "schemas/1.5.0/adaptive-card.json in the Adaptive Cards repository (github.com/microsoft/AdaptiveCards).";

    private static LoadedSchema Load()
    {
        var path = SchemaPath.Value ?? throw new FileNotFoundException(MissingSchemaMessage(AppContext.BaseDirectory));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{PathVariable} names '{path}', which does not exist.", path);
        }

        var text = File.ReadAllText(path);

        // A private registry, so loading never touches the library's process-wide one.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft06 };
        return new LoadedSchema(JsonSchema.FromText(text, build), text);
    }

    private static void CollectLeafErrors(EvaluationResults node, JsonElement instance, List<string> errors)
    {
        // Only failing nodes: a passing anyOf keeps its failed branches as details, which are noise.
        if (node.IsValid)
        {
            return;
        }

        var path = Pointer(node.EvaluationPath.ToString());
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            // A property outside "properties" meets additionalProperties: false, reported as a
            // keyword-less "false schema" error.
            var line = keyword.Length == 0 && path.EndsWith("/additionalProperties", StringComparison.Ordinal)
                ? "property not allowed here (additionalProperties: false)"
                : $"{message} ({keyword} at {path})";
            errors.Add($"{Pointer(node.InstanceLocation.ToString())}: {line}");
        }

        var children = node.Details ?? [];
        var branches = children.Where(c => AnyOfBranch().IsMatch(c.EvaluationPath.ToString())).ToList();
        if (branches.Count > 0 && branches.Count == children.Count)
        {
            // Elements and actions are an anyOf over every type, each failing on "type" but the
            // one meant: report that one's errors, or only the unknown type when none is meant.
            var meant = branches.Where(b => !FailsOnType(b, b.InstanceLocation.ToString())).ToList();
            if (meant.Count == 0)
            {
                errors.Add(UnknownType(node, instance));
                return;
            }

            children = meant;
        }

        foreach (var child in children)
        {
            CollectLeafErrors(child, instance, errors);
        }
    }

    private static bool FailsOnType(EvaluationResults node, string branchLocation)
    {
        if (node.IsValid)
        {
            return false;
        }

        var location = node.InstanceLocation.ToString();
        var wrongType = location == branchLocation + "/type";
        var missingType = location == branchLocation &&
            node.Errors is not null &&
            node.Errors.TryGetValue("required", out var missing) &&
            missing.Contains("\"type\"", StringComparison.Ordinal);
        if (node.Errors is { Count: > 0 } && (wrongType || missingType))
        {
            return true;
        }

        return (node.Details ?? []).Any(child => FailsOnType(child, branchLocation));
    }

    private static string UnknownType(EvaluationResults node, JsonElement instance)
    {
        var at = Pointer(node.InstanceLocation.ToString());
        var value = node.InstanceLocation.Evaluate(instance);
        return value is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("type", out var type)
            ? $"{at}: type {type.GetRawText()} is not one of the types allowed here (anyOf at {Pointer(node.EvaluationPath.ToString())})"
            : $"{at}: has no \"type\", which every item here needs (anyOf at {Pointer(node.EvaluationPath.ToString())})";
    }

    private static string Pointer(string pointer) => pointer.Length == 0 ? "/" : pointer;

    [GeneratedRegex(@"/anyOf/\d+$")]
    private static partial Regex AnyOfBranch();

    private static IEnumerable<DirectoryInfo> Ancestors(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }

    private sealed record LoadedSchema(JsonSchema Compiled, string Text);
}
