using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Conversation;

/// <summary>
/// What "it" means for one rep, and what one turn learned about it. "It" is the later of two moments: the deal the rep
/// last looked at (recorded on their profile) and the deal they last changed (its <see cref="Deal.UpdatedAt"/>, written
/// with the change). So a change records "it" in its own write, and only a look at another deal writes the profile.
/// </summary>
public sealed class TurnTopic
{
    /// <summary>How long "it" keeps meaning the deal last dealt with: about one sitting of chat.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>
    /// How stale the recorded moment may get before a look at the same deal records it again: "it" then lives between
    /// 1.5 and 2 hours after the last mention, at one profile write per half hour of looking at one deal, not per look.
    /// </summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(30);

    /// <summary>The deal the resolver found for this turn (null when it found none, or was not asked).</summary>
    public Deal? Resolved { get; private set; }

    /// <summary>True once the resolver has read the rep's deals this turn, so <see cref="Current"/> is known.</summary>
    public bool Known { get; private set; }

    /// <summary>What "it" meant when the turn began, and since when; set with <see cref="Known"/>.</summary>
    public (Deal Deal, DateTimeOffset Since)? Current { get; private set; }

    /// <summary>Noted by the resolver: the rep's deals as read this turn, and the one the turn is about.</summary>
    public void Note(UserProfile? profile, IReadOnlyList<Deal> deals, Deal? resolved, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deals);
        Known = true;
        Current = Of(profile, deals, now);
        Resolved = resolved ?? Resolved;
    }

    /// <summary>A deal the turn is about without the resolver (a deal created, or the twin a new deal is asked about).</summary>
    public void Note(Deal deal) => Resolved = deal;

    /// <summary>The deal "it" means among <paramref name="deals"/>, and since when; null when neither moment is recent.</summary>
    public static (Deal Deal, DateTimeOffset Since)? Of(UserProfile? profile, IReadOnlyList<Deal> deals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deals);
        (Deal Deal, DateTimeOffset Since)? looked = profile is { LastDealId: { } id, LastDealAt: { } at } && deals.FirstOrDefault(d => d.Id == id) is { } seen
            ? (seen, at)
            : null;
        var changed = deals.Count == 0 ? null : deals.MaxBy(d => d.UpdatedAt);
        (Deal Deal, DateTimeOffset Since)? latest = changed is not null && (looked is null || changed.UpdatedAt > looked.Value.Since)
            ? (changed, changed.UpdatedAt)
            : looked;
        return latest is { } it && now - it.Since < Lifetime ? it : null;
    }

    /// <summary>
    /// Whether showing <paramref name="deal"/> must write the profile for "it" to mean it next: not when this turn changed
    /// it (the change recorded it: the deal holds the turn's key), nor when it already is "it" since less than
    /// <see cref="Refresh"/>.
    /// </summary>
    public bool MustRecord(UserProfile? profile, Deal deal, string? turnKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.HasApplied(turnKey))
        {
            return false;
        }

        // Without this turn's list, the profile alone says what "it" is (a card click reads one deal, not the list).
        var current = Known
            ? Current
            : profile is { LastDealId: { } id, LastDealAt: { } at } && id == deal.Id ? (deal, at) : null;
        return current is not { } it || it.Deal.Id != deal.Id || now - it.Since >= Refresh;
    }
}
