using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Bot;

/// <summary>
/// Teams retries an activity it thinks timed out, sometimes while the first copy is still being handled. Each message and
/// invoke is taken up once per instance (<see cref="RecentActivities"/>, in memory, no store write), so of several copies
/// reaching one instance, concurrent or late, exactly one is handled and answered. Across instances changes stay
/// idempotent on their own: each deal keeps the ids of the activities applied to it, written with the change, and a copy
/// that finds its id there is neither applied nor answered again (<see cref="BotReply.IsRepeat"/>).
/// </summary>
public sealed class DuplicateActivityMiddleware(RecentActivities recent, ILogger<DuplicateActivityMiddleware> logger)
    : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var tracked = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && !string.IsNullOrEmpty(activity.Id);
        if (!tracked)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var tenant = ActivityInput.TenantOf(activity);
        if (!recent.TryTake(tenant, activity.Id))
        {
            logger.LogInformation("Activity {ActivityId} of type {ActivityType} was taken up before; ignoring the retry", LogText.Safe(activity.Id), LogText.Safe(activity.Type));
            if (activity.Type == ActivityTypes.Invoke)
            {
                // Teams shows an error for an invoke answered without a body; say it was done.
                await turnContext.SendActivityAsync(ReplyActivity.InvokeMessageResponse("Already done."), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The turn failed: give the activity back so Teams' retry gets a real answer instead of silence.
            recent.Release(tenant, activity.Id);
            throw;
        }
    }
}
