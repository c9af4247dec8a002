using System.Text.Json.Serialization;

namespace SalesCoachBot.Cards.Model;

/// <summary>A button (or a select action). Serialized with its schema "type".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction
{
    // Right after "type", where a person reading a logged card looks for them.
    [JsonPropertyOrder(-2)]
    public string? Id { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Title { get; init; }

    public Uri? IconUrl { get; init; }

    public ActionStyle? Style { get; init; }

    public string? Tooltip { get; init; }

    public bool? IsEnabled { get; init; }
}

public sealed record ExecuteAction : CardAction
{
    public string? Verb { get; init; }

    /// <summary>
    /// Merged with the inputs into the invoke's value. Any value STJ writes as a JSON object
    /// (a JsonObject, a small record, a dictionary); the schema also takes a string.
    /// </summary>
    public object? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed record SubmitAction : CardAction
{
    /// <summary>
    /// Merged with the inputs into the message's value. Any value STJ writes as a JSON object; Teams
    /// reads an "msteams" property in it (messageBack, imBack, invoke, signin).
    /// </summary>
    public object? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction : CardAction
{
    public required AdaptiveCard Card { get; init; }
}

public sealed record OpenUrlAction : CardAction
{
    public required Uri Url { get; init; }
}

public sealed record ToggleVisibilityAction : CardAction
{
    /// <summary>Ids of the elements whose visibility flips.</summary>
    public required IReadOnlyList<string> TargetElements { get; init; }
}
