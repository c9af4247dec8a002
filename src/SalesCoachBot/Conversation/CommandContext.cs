using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Conversation;

/// <summary>Everything a handler needs about the turn, with "now" and "today" fixed once so one turn sees one time.</summary>
/// <param name="TurnActivityId">The activity being answered; buttons on the cards of the answer derive their click keys from it.</param>
public sealed record CommandContext(
    OwnerKey Owner,
    Actor Actor,
    DateTimeOffset Now,
    DateOnly Today,
    TimeZoneInfo TimeZone,
    SalesProcess Process,
    string? TurnActivityId)
{
    /// <summary>The message as the user typed it, so a "which one?" card can complete it once a deal is picked.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>True in a channel or group chat, where others see the reply.</summary>
    public bool InSharedConversation { get; init; }

    /// <summary>The deal the user picked on a "which one?" card: the deal phrase of the command is not matched again.</summary>
    public string? ChosenDealId { get; init; }

    /// <summary>
    /// The rep's deals (open and closed, not deleted) when this turn has already read them before dispatching (the router
    /// reads them to tell "how's contoso" from "how's dana"), so the resolver does not read them again.
    /// </summary>
    public IReadOnlyList<Deal>? DealsRead { get; init; }

    /// <summary>The user's profile as the turn read it at the edge (null when it was not read): read once per turn, not per step.</summary>
    public UserProfile? Profile { get; init; }

    /// <summary>The deal this turn is about, noted by the resolver, so the router records "it" once after the answer.</summary>
    public TurnTopic Topic { get; init; } = new();

    /// <summary>
    /// True when changes of this turn are recorded under the activity's own id (a message, or a click of a card without
    /// a click key). A deal that already holds that id was changed by an earlier copy of this very activity: a Teams retry,
    /// which gets no second answer. False for a card click, whose key is shared by the card's buttons: a second click is
    /// the user's, and is told "already done".
    /// </summary>
    public bool RecordsUnderActivityId => Actor.ActivityId is not null && Actor.ActivityId == TurnActivityId;

    public static CommandContext For(ChatInput input, string? activityKey, TimeProvider time, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, input.TimeZone);
        return new CommandContext(
            input.User,
            new Actor(input.UserName, activityKey),
            now,
            DateOnly.FromDateTime(local.DateTime),
            input.TimeZone,
            process,
            input.ActivityId)
        {
            Text = input.Text,
            InSharedConversation = input.InSharedConversation,
            Profile = input.Profile,
        };
    }

    /// <summary>The context of a proactive message to <paramref name="user"/>: their time zone, no activity to answer.</summary>
    public static CommandContext Proactive(OwnerKey user, string? userName, TimeZoneInfo zone, TimeProvider time, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new CommandContext(
            user,
            new Actor(userName ?? "you", null),
            now,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime),
            zone,
            process,
            TurnActivityId: $"proactive-{Guid.NewGuid():N}");
    }
}
