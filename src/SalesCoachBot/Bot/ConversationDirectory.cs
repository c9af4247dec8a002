using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using SalesCoachBot.Core;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Bot;

/// <summary>The user a turn comes from, with the time zone their dates are read in.</summary>
/// <param name="Profile">
/// Their profile as this turn read it, passed down the turn so nothing reads it again; its ETag is null when this turn
/// wrote it (the store does not say the new version), and null altogether when it could not be saved.
/// </param>
public sealed record TurnUser(OwnerKey Key, TimeZoneInfo TimeZone, UserProfile? Profile = null);

/// <summary>
/// Remembers every user who installs or messages the bot: their 1:1 conversation reference (for proactive
/// reminders) and their time zone. Writes only when something changed, so a chatty rep costs no extra writes.
/// </summary>
public sealed class ConversationDirectory(
    IUserProfileStore profiles,
    UserArrivals arrivals,
    TimeProvider time,
    ILogger<ConversationDirectory> logger)
{
    private static readonly TimeSpan _lastSeenResolution = TimeSpan.FromHours(1);

    public async Task<TurnUser?> RememberAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (ActivityInput.UserOf(activity) is not { } key)
        {
            return null;
        }

        var update = await OptimisticUpdate.ApplyAsync<UserProfile>(
            ct => profiles.GetAsync(key, ct),
            async (stored, ct) =>
            {
                var updated = Merge(stored, key, activity, ActivityInput.TimeZoneOf(activity, stored?.TimeZoneId));
                if (updated == stored)
                {
                    return null;
                }

                return updated.Email is null ? updated with { Email = await LookUpEmailAsync(turn, ct).ConfigureAwait(false) } : updated;
            },
            profiles.TrySaveAsync,
            UserProfileUpdates.MaxAttempts,
            cancellationToken).ConfigureAwait(false);
        if (update.Status == OptimisticUpdateStatus.GaveUp)
        {
            logger.LogWarning("Could not save the profile of user {UserId} after concurrent updates; continuing with this turn", key.UserId);
            return new TurnUser(key, ActivityInput.TimeZoneOf(activity, null));
        }

        // What the domain does when someone becomes reachable (parked reminders resume, a mapped manager's digests start).
        await arrivals.OnProfileSavedAsync(update.Read, update.Saved ?? update.Read!, cancellationToken).ConfigureAwait(false);
        var profile = update.Saved is { } saved ? saved with { ETag = null } : update.Read;
        return new TurnUser(key, ActivityInput.TimeZoneOf(activity, update.Read?.TimeZoneId), profile);
    }

    /// <summary>
    /// The user's email (or UPN), which Teams gives only on request; it lets "my manager is morgan@contoso.com" and the
    /// admin's mapping file find people. Asked when the profile is written anyway (at most hourly); failures are harmless.
    /// </summary>
    private async Task<string?> LookUpEmailAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.ChannelId != Microsoft.Bot.Connector.Channels.Msteams || string.IsNullOrEmpty(turn.Activity.From?.Id))
        {
            return null;
        }

        try
        {
            var member = await Microsoft.Bot.Builder.Teams.TeamsInfo.GetMemberAsync(turn, turn.Activity.From.Id, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(member?.Email) ? member?.UserPrincipalName : member.Email;
        }
        catch (Exception ex) when (ex is Microsoft.Bot.Schema.ErrorResponseException or HttpRequestException or InvalidOperationException or ArgumentException)
        {
            logger.LogDebug(ex, "Teams did not give the email of {UserId}", turn.Activity.From.Id);
            return null;
        }
    }

    /// <summary>
    /// The conversation reference proactive messages are sent with, without the incoming activity's id: that id differs on
    /// every message, and kept in the reference it would make every message rewrite the profile (a write on a read-only
    /// command). A proactive message is not a reply to any one activity, so it needs none.
    /// </summary>
    internal static string ReferenceOf(IActivity activity)
    {
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        return JsonConvert.SerializeObject(reference);
    }

    private UserProfile Merge(UserProfile? stored, OwnerKey key, IActivity activity, TimeZoneInfo zone)
    {
        var now = time.GetUtcNow();

        // Only a 1:1 chat is where reminders go; a message in a channel must not replace it.
        var isPersonal = activity.Conversation?.ConversationType is null or "personal";
        var reference = isPersonal ? ReferenceOf(activity) : stored?.ConversationReference;
        var zoneId = zone == TimeZoneInfo.Utc && stored?.TimeZoneId is null ? null : zone.Id;
        var name = string.IsNullOrWhiteSpace(activity.From?.Name) ? stored?.Name : activity.From.Name;

        if (stored is not null
            && stored.ConversationReference == reference
            && stored.TimeZoneId == zoneId
            && stored.Name == name
            && (stored.ConversationActive || !isPersonal)
            && now - stored.LastSeen < _lastSeenResolution)
        {
            return stored;
        }

        // Only what the activity tells is refreshed; hours, manager and email set by other commands are kept.
        var refreshed = new UserProfile
        {
            TenantId = key.TenantId,
            UserId = key.UserId,
            FirstSeen = now,
            LastSeen = now,
        };
        return (stored ?? refreshed) with
        {
            Name = name,
            TimeZoneId = zoneId,
            ConversationReference = reference,
            ConversationActive = isPersonal || (stored?.ConversationActive ?? true),
            LastSeen = now,
        };
    }
}
