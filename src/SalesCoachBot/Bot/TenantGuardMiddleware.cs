using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Bot;

/// <summary>
/// Deals are keyed by tenant and user, so the tenant of an activity decides whose deals it can reach. This runs
/// before anything reads or stores: an activity whose conversation and channel data name different tenants is
/// refused, and so is one from a tenant the bot does not serve (SingleTenant, or <see cref="BotHostingOptions.AllowedTenants"/>).
/// Outside anonymous local mode an activity must name its tenant (Teams always does); an activity naming the tenant
/// "local", the key the bot gives activities without one, is refused everywhere, so the two never share deals.
/// Refused activities are logged and get no message back: the bot sends nothing into a tenant it does not serve.
/// </summary>
public sealed class TenantGuardMiddleware(
    IOptions<BotAuthenticationOptions> authentication,
    IOptions<BotHostingOptions> hosting,
    ILogger<TenantGuardMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public const string NotServed = "Sales Coach is not available for your organisation. Ask your Teams admin if you think it should be.";

    /// <summary>Set in the turn state when a turn is refused, so telemetry can count refusals apart.</summary>
    public const string RefusedTurnKey = "SalesCoachBot.TenantRefused";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var (conversationTenant, channelDataTenant) = ActivityInput.TenantsNamedBy(activity);
        if (conversationTenant is not null && channelDataTenant is not null
            && !string.Equals(conversationTenant, channelDataTenant, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning(
                "Refused activity {ActivityId} of type {ActivityType}: conversation.tenantId {ConversationTenant} and channelData.tenant.id {ChannelDataTenant} differ",
                LogText.Safe(activity.Id),
                LogText.Safe(activity.Type),
                LogText.Safe(conversationTenant),
                LogText.Safe(channelDataTenant));
            await RefuseAsync(turnContext, "That request names two different organisations, so it was refused.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var tenant = conversationTenant ?? channelDataTenant;
        if (string.Equals(tenant, ActivityInput.LocalTenant, StringComparison.OrdinalIgnoreCase)
            || (tenant is null && !authentication.Value.IsAnonymous))
        {
            logger.LogWarning(
                "Refused activity {ActivityId} of type {ActivityType}: it names no tenant, or the reserved tenant \"local\"; only anonymous local mode serves activities without a tenant",
                LogText.Safe(activity.Id),
                LogText.Safe(activity.Type));
            await RefuseAsync(turnContext, NotServed, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!Serves(tenant))
        {
            logger.LogWarning(
                "Ignored activity {ActivityId} of type {ActivityType} from tenant {TenantId}, which this bot does not serve (SingleTenant or SalesCoach:Bot:AllowedTenants)",
                LogText.Safe(activity.Id),
                LogText.Safe(activity.Type),
                LogText.Safe(tenant));
            await RefuseAsync(turnContext, NotServed, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    private bool Serves(string? tenant)
    {
        var auth = authentication.Value;
        var allowed = hosting.Value.AllowedTenants;
        if (auth.IsSingleTenant && !string.Equals(tenant, auth.MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return allowed.Count == 0 || (tenant is not null && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase));
    }

    private static async Task RefuseAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        turnContext.TurnState[RefusedTurnKey] = true;
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            // An invoke is answered in the HTTP response (no message into the chat).
            await turnContext.SendActivityAsync(ReplyActivity.InvokeMessageResponse(text), cancellationToken).ConfigureAwait(false);
        }
    }
}
