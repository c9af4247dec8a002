using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>
/// What follows from a user turning up: reminders that waited for a chat go out again, a manager starts getting
/// digests, and everyone is scheduled a weekly summary. The host calls it after it remembered a user's profile from an activity.
/// </summary>
public sealed class UserArrivals(
    IDealStore deals,
    DealUpdater updater,
    IUserProfileStore profiles,
    ManagerMapping mapping,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<UserArrivals> logger)
{
    /// <param name="before">The profile as it was stored before this activity; null for a user seen for the first time.</param>
    /// <param name="after">The profile as it is stored now (the same as <paramref name="before"/> when nothing changed).</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    public async Task OnProfileSavedAsync(UserProfile? before, UserProfile after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);

        // Back after removing the bot, or a first 1:1 chat after meeting the bot in a channel: reminders that waited
        // for a chat are due again.
        if (IsReachable(after) && (before is null || !IsReachable(before)))
        {
            await ResumeRemindersAsync(after.Key, cancellationToken).ConfigureAwait(false);
        }

        // A manager named in the admin's mapping file starts getting digests from their first contact.
        if (after.NextDigestAt is null && options.Value.DigestEnabled && mapping.IsManager(after))
        {
            var first = StalledDeals.NextDigest(time.GetUtcNow(), after.Zone, options.Value, after.Hours);
            await profiles.UpdateAsync(after.Key, p => p is { NextDigestAt: null } ? p with { NextDigestAt = first } : null, cancellationToken).ConfigureAwait(false);
        }

        // Everyone who wants one gets a weekly summary, also a rep stored before summaries existed (no NextSummaryAt yet):
        // this runs on every message. The sweep skips those with no deals when it is due.
        if (after.NextSummaryAt is null && WeeklySummaries.IsWanted(after, options.Value))
        {
            var first = WeeklySummaries.Next(time.GetUtcNow(), after.Zone, after.Hours);
            await profiles.UpdateAsync(after.Key, p => p is { NextSummaryAt: null } && WeeklySummaries.IsWanted(p, options.Value) ? p with { NextSummaryAt = first } : null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a proactive message can reach the user: a 1:1 chat is known and Teams has not refused the bot there.</summary>
    private static bool IsReachable(UserProfile profile) => profile.ConversationActive && profile.ConversationReference is not null;

    /// <summary>Unparks the user's open deals; the change also recomputes when each is due (<see cref="DealUpdater"/>).</summary>
    private async Task ResumeRemindersAsync(OwnerKey key, CancellationToken cancellationToken)
    {
        var parked = (await deals.ListAsync(key, includeClosed: false, cancellationToken).ConfigureAwait(false))
            .Where(d => d.Reminder.Parked || d.Reminder.DueAt is null)
            .ToList();
        foreach (var deal in parked)
        {
            await updater.UpdateAsync(key, deal.Id, activityId: null, d => DealChange.Changed(d with { Reminder = d.Reminder with { Parked = false } }), cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("User {UserId} is back: {Count} parked reminders resumed", key.UserId, parked.Count);
    }
}
