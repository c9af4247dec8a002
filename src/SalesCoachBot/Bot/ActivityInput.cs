using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Bot;

/// <summary>The one place that reads a Bot Framework activity into our <see cref="ChatInput"/>.</summary>
public static class ActivityInput
{
    /// <summary>
    /// Used when the channel sends no tenant (the Emulator, local playground without one): keeps keys well-formed. Only
    /// anonymous local mode serves such activities, and an activity naming this tenant is refused (<see cref="TenantGuardMiddleware"/>).
    /// </summary>
    public const string LocalTenant = "local";

    public static OwnerKey? UserOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var userId = activity.From?.AadObjectId ?? activity.From?.Id;
        return string.IsNullOrWhiteSpace(userId) ? null : new OwnerKey(TenantOf(activity), userId);
    }

    public static string TenantOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (conversationTenant, channelDataTenant) = TenantsNamedBy(activity);
        return conversationTenant ?? channelDataTenant ?? LocalTenant;
    }

    /// <summary>
    /// The tenant as the conversation names it and as the Teams channel data names it (either may be missing).
    /// Deals are keyed by tenant, so the two must agree: see <see cref="TenantGuardMiddleware"/>.
    /// </summary>
    public static (string? Conversation, string? ChannelData) TenantsNamedBy(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Channel data that is not a Teams object (malformed or from another channel) names no tenant.
        var channelDataTenant = activity.TryGetChannelData<TeamsChannelData>(out var channelData) ? channelData?.Tenant?.Id : null;
        return (Blank(activity.Conversation?.TenantId), Blank(channelDataTenant));
    }

    // Lower-cased here too (ActivityNormalizationMiddleware already did at the edge): tenant ids are keys, and a key that
    // depends on the case a client chose would split one tenant's deals in two.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.ToLowerInvariant();

    /// <summary>The user's time zone: the activity's localTimezone, else the clientInfo entity, else the stored one, else UTC.</summary>
    public static TimeZoneInfo TimeZoneOf(IActivity activity, string? storedTimeZoneId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var candidates = new[]
        {
            (activity as Activity)?.LocalTimezone,
            activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Properties?["timezone"]?.ToString(),
            storedTimeZoneId,
        };
        foreach (var id in candidates)
        {
            if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    public static ChatInput From(ITurnContext turn, OwnerKey user, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var text = activity.Type == ActivityTypes.Message ? MessageText(turn) : string.Empty;
        return new ChatInput(
            user,
            string.IsNullOrWhiteSpace(activity.From?.Name) ? "you" : activity.From.Name,
            activity.Id,
            text,
            CardAction(activity),
            zone) { InSharedConversation = activity.Conversation?.ConversationType is "channel" or "groupChat" };
    }

    private static string MessageText(ITurnContext turn)
    {
        // In channels and group chats the message starts with "<at>Sales Coach</at>"; the command is what follows.
        var text = turn.Activity.AsMessageActivity().RemoveRecipientMention() ?? turn.Activity.Text ?? string.Empty;
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }

    /// <summary>Reads button data from an Action.Execute invoke or an Action.Submit message; anything malformed is no action.</summary>
    public static CardActionData? CardAction(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        object? raw = activity.Type switch
        {
            ActivityTypes.Invoke => (activity as Activity)?.Value is JObject invoke ? invoke["action"]?["data"] : null,
            ActivityTypes.Message => (activity as Activity)?.Value,
            _ => null,
        };
        if (raw is not JToken { Type: JTokenType.Object } token)
        {
            return null;
        }

        try
        {
            var data = JsonSerializer.Deserialize<CardActionData>(token.ToString(Newtonsoft.Json.Formatting.None), JsonOptions) ?? new CardActionData();
            var verb = data.Verb ?? ((activity as Activity)?.Value as JObject)?["action"]?["verb"]?.ToString();

            // Verbs and ids are ours (short, plain ASCII) and are logged: one with a control character in it is someone
            // else's, and is escaped here, once, so no handler can write a forged log line with it (it matches nothing).
            return data with
            {
                Verb = Escaped(verb),
                DealId = Escaped(data.DealId),
                StageId = Escaped(data.StageId),
                FromStageId = Escaped(data.FromStageId),
                RepUserId = Escaped(data.RepUserId),
            };
        }
        catch (JsonException)
        {
            return new CardActionData { Verb = null };
        }
    }

    private static string? Escaped(string? value) => value is null || !value.Any(char.IsControl) ? value : LogText.Safe(value);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
