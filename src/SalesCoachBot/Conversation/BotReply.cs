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

    /// <summary>The rep's deal this answer shows, if any: what "it" means next (recorded by the router after the turn).</summary>
    public Core.Deals.Deal? About { get; init; }

    /// <summary>
    /// True when the turn repeats an activity already applied (a Teams retry of a change that is stored): nothing is
    /// sent for a message, so the user sees one answer; a retried card click gets a short "already done".
    /// </summary>
    public bool IsRepeat { get; init; }

    /// <summary>The answer to a Teams retry of a change already applied: nothing new to say (see <see cref="IsRepeat"/>).</summary>
    public static BotReply Repeat { get; } = new("Already done.", []) { IsRepeat = true, CommandKind = "repeat" };

    /// <summary>
    /// What a change that was already applied under this turn's key answers: nothing for a retry of the same activity,
    /// and <paramref name="otherwise"/> for a second click of the card.
    /// </summary>
    public static BotReply AlreadyDone(CommandContext context, Func<BotReply> otherwise)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(otherwise);
        return context.RecordsUnderActivityId ? Repeat : otherwise();
    }

    /// <summary>The answer to a button whose verb or data the bot does not recognise.</summary>
    public const string UnrecognisedButton = "That button isn't something I recognise (it may come from an older version of me); nothing was changed.";

    public static BotReply Plain(string text) => new(text, []);

    public static BotReply Card(string text, AdaptiveCard card) => new(text, [card]);
}
