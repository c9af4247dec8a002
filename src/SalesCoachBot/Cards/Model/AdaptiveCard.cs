using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Cards.Model;

/// <summary>
/// An Adaptive Card for Teams (schema 1.5). Turn it into JSON with <see cref="CardJson"/>.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The highest version Teams renders.</summary>
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema { get; init; } = SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = SchemaVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions: lets Teams fetch an up-to-date card for the listed users.</summary>
    public Refresh? Refresh { get; init; }

    /// <summary>Shown where the card cannot be rendered (notifications, old clients).</summary>
    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    /// <summary>
    /// Teams' own card settings. The official schema does not define "msteams"; the schema tests
    /// accept it at the card root only.
    /// </summary>
    [JsonPropertyName("msteams")]
    public TeamsCardSettings? MsTeams { get; init; }
}

/// <summary>Universal Actions refresh: Teams invokes <see cref="Action"/> when one of the users opens the card.</summary>
public sealed record Refresh
{
    // Written through CardAction so that it carries "type": "Action.Execute", which Teams needs.
    [JsonConverter(typeof(WriteAsCardActionConverter))]
    public required ExecuteAction Action { get; init; }

    /// <summary>Teams refreshes automatically only for these users (at most 60) and on demand for others.</summary>
    public IReadOnlyList<string>? UserIds { get; init; }
}

/// <summary>The card's "msteams" object.</summary>
public sealed record TeamsCardSettings
{
    /// <summary>Stretches the card across the conversation.</summary>
    public static TeamsCardSettings FullWidth { get; } = new() { Width = "Full" };

    /// <summary>"Full" or absent: Teams knows no other value.</summary>
    public string? Width { get; init; }
}

internal sealed class WriteAsCardActionConverter : JsonConverter<ExecuteAction>
{
    public override ExecuteAction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are only ever written, never read back.");

    public override void Write(Utf8JsonWriter writer, ExecuteAction value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize<CardAction>(writer, value, options);
}
