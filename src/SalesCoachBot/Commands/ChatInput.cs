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

    /// <summary>The stage a move goes to.</summary>
    public string? StageId { get; init; }

    /// <summary>The stage the deal was in when the card was drawn: a button of an older card is refused once the deal has moved on.</summary>
    public string? FromStageId { get; init; }

    /// <summary>The selling model a playbook card is about.</summary>
    public string? ModelId { get; init; }

    /// <summary>The stage shown by a guided-tour card (0-based).</summary>
    public int? Index { get; init; }

    /// <summary>Input of the coaching card: the next step's text.</summary>
    public string? NextStep { get; init; }

    /// <summary>Input of the coaching card: the next step's due date, as Input.Date sends it (yyyy-MM-dd).</summary>
    public string? Due { get; init; }

    /// <summary>Input of the "lost" form: why the deal was lost.</summary>
    public string? Reason { get; init; }

    /// <summary>Input of the snooze form: "1d", "3d", "1w", "step" (until the next step is due), or empty when a date is given.</summary>
    public string? SnoozeFor { get; init; }

    /// <summary>Input of the snooze form: snooze until this date (yyyy-MM-dd).</summary>
    public string? SnoozeUntil { get; init; }

    /// <summary>Toggle inputs (exit criteria, checklist items): the client merges every input of the card into the data.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Inputs { get; init; }

    /// <summary>The ids of toggles with the given prefix that are on ("true").</summary>
    public IReadOnlySet<string> TogglesOn(string prefix) =>
        (Inputs ?? [])
            .Where(i => i.Key.StartsWith(prefix, StringComparison.Ordinal)
                && i.Value.ValueKind == System.Text.Json.JsonValueKind.String
                && i.Value.GetString() == "true")
            .Select(i => i.Key[prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);

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
    public const string Coach = "coach";
    public const string SaveNextStep = "saveNextStep";
    public const string MoveDeal = "moveDeal";
    public const string ConfirmMove = "confirmMove";
    public const string CloseWon = "closeWon";
    public const string CloseLost = "closeLost";
    public const string Tour = "tour";
    public const string Snooze = "snooze";
    public const string PingRep = "pingRep";

    /// <summary>Input ids on cards: toggles carry these prefixes so their values can be told apart in the merged data.</summary>
    public const string CriterionInputPrefix = "criterion-";
    public const string DoneInputPrefix = "done-";

    /// <summary>
    /// The key of a click: the activity that produced the card, and the verb. The same button clicked twice
    /// (or on an old copy of the card) gives the same key, so its change is applied once.
    /// </summary>
    public static string? ClickKey(string? activityId, string verb) => activityId is null ? null : $"{activityId}/{verb}";

    /// <summary>The verbs the bot's own cards carry: anything else is a stranger (and never a telemetry tag).</summary>
    public static bool IsKnown(string? verb) =>
        verb is PickDeal or CreateDeal or ShowDeal or Say or Coach or SaveNextStep or MoveDeal or ConfirmMove
            or CloseWon or CloseLost or Tour or Snooze or PingRep;
}

/// <summary>What the bot answers: a plain-text summary (for clients without cards, and notifications) and cards.</summary>
/// <param name="ReplacesCard">True when the card answers a click and should replace the card that was clicked.</param>
public sealed record BotReply(string Text, IReadOnlyList<Cards.Model.AdaptiveCard> Cards, bool ReplacesCard = false)
{
    /// <summary>
    /// What kind of command was answered ("CreateDeal", "card:moveDeal"): a name from the code, never the user's
    /// text, so telemetry can count turns by kind without carrying personal data.
    /// </summary>
    public string? CommandKind { get; init; }

    public static BotReply Plain(string text) => new(text, []);

    public static BotReply Card(string text, Cards.Model.AdaptiveCard card) => new(text, [card]);
}
