using SalesCoachBot.Cards.Model;

namespace SalesCoachBot.Conversation;

/// <summary>What the bot answers: a plain-text summary (for clients without cards, and notifications) and cards.</summary>
/// <param name="ReplacesCard">True when the card answers a click and should replace the card that was clicked.</param>
public sealed record BotReply(string Text, IReadOnlyList<AdaptiveCard> Cards, bool ReplacesCard = false)
{
    /// <summary>
    /// What kind of command was answered ("CreateDeal", "card:moveDeal"): a name from the code, never the user's
    /// text, so telemetry can count turns by kind without carrying personal data.
    /// </summary>
    public string? CommandKind { get; init; }

    /// <summary>The answer to a button whose verb or data the bot does not recognise.</summary>
    public const string UnrecognisedButton = "That button isn't something I recognise (it may come from an older version of me); nothing was changed.";

    public static BotReply Plain(string text) => new(text, []);

    public static BotReply Card(string text, AdaptiveCard card) => new(text, [card]);
}
