using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Bot;

/// <summary>
/// The edge, once, before anything reads the activity: tenant ids lower-cased (Entra ids are case-insensitive GUIDs,
/// and "TENANT-A" and "tenant-a" must reach the same deals), and the display names the bot stores capped at
/// <see cref="MaxNameLength"/> characters (a 200,000-character name is not stored as is).
/// </summary>
public sealed class ActivityNormalizationMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>Longest display name kept (Teams names are far shorter); longer ones are cut, not refused.</summary>
    public const int MaxNameLength = 256;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        Normalize(turnContext.Activity);
        return next(cancellationToken);
    }

    public static void Normalize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation is { TenantId: { } conversationTenant } conversation)
        {
            conversation.TenantId = conversationTenant.ToLowerInvariant();
            conversation.Name = Capped(conversation.Name);
        }

        if (activity.ChannelData is JObject { } channelData && channelData["tenant"] is JObject tenant && tenant["id"] is JValue { Type: JTokenType.String } id)
        {
            tenant["id"] = ((string)id!).ToLowerInvariant();
        }

        foreach (var account in new[] { activity.From, activity.Recipient }.Concat(activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []))
        {
            if (account is not null)
            {
                account.Name = Capped(account.Name);
            }
        }
    }

    public static string? Capped(string? name) => name is { Length: > MaxNameLength } ? name[..MaxNameLength] : name;
}
