using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Commands;

/// <summary>
/// One turn as the commands see it: who, what they typed or clicked, and their time zone.
/// Built from the Bot Framework activity at the edge; nothing below this line sees a Bot Framework type.
/// </summary>
public sealed record ChatInput(
    OwnerKey User,
    string UserName,
    string? ActivityId,
    string Text,
    CardActionData? Action,
    TimeZoneInfo TimeZone);

/// <summary>The data an Action.Execute or Action.Submit button carries back. Unknown fields are ignored; unknown verbs are refused.</summary>
public sealed record CardActionData
{
    public string? Verb { get; init; }

    public string? DealId { get; init; }

    /// <summary>The original message, for a choice that completes it ("which Contoso did you mean?").</summary>
    public string? Text { get; init; }

    /// <summary>A deal name, for "create it".</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Identifies the click, not the button: derived from the activity that produced the card, so clicking the same
    /// button twice (or an old copy of the card) is recognised and not applied twice.
    /// (Not named "key": the Agents Playground drops a click whose data has a "key" property.)
    /// </summary>
    public string? ClickKey { get; init; }
}

/// <summary>The verbs our cards send back. One place, so card builders and handlers cannot drift apart.</summary>
public static class CardVerbs
{
    public const string PickDeal = "pickDeal";
    public const string CreateDeal = "createDeal";
    public const string ShowDeal = "showDeal";
    public const string Say = "say";

    public static IReadOnlyList<string> All { get; } = [PickDeal, CreateDeal, ShowDeal, Say];
}

/// <summary>What the bot answers: a plain-text summary (for clients without cards, and notifications) and cards.</summary>
/// <param name="ReplacesCard">True when the card answers a click and should replace the card that was clicked.</param>
public sealed record BotReply(string Text, IReadOnlyList<Cards.Model.AdaptiveCard> Cards, bool ReplacesCard = false)
{
    public static BotReply Plain(string text) => new(text, []);

    public static BotReply Card(string text, Cards.Model.AdaptiveCard card) => new(text, [card]);
}
