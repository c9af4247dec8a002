using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Bot;

/// <summary>
/// Teams retries an activity it thinks timed out. An activity answered before is not handled again.
/// (Changes are also idempotent on their own: each deal remembers the activities applied to it.)
/// </summary>
public sealed class DuplicateActivityMiddleware(IProcessedActivityStore processed, TimeProvider time, ILogger<DuplicateActivityMiddleware> logger)
    : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var tracked = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && !string.IsNullOrEmpty(activity.Id);
        var tenant = ActivityInput.TenantOf(activity);
        if (tracked && await processed.IsProcessedAsync(tenant, activity.Id, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Activity {ActivityId} of type {ActivityType} was handled before; ignoring the retry", activity.Id, activity.Type);
            if (activity.Type == ActivityTypes.Invoke)
            {
                // Teams shows an error for an invoke answered without a body; say it was done.
                await turnContext.SendActivityAsync(ReplyActivity.InvokeMessageResponse("Already done."), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
        if (tracked)
        {
            await processed.MarkProcessedAsync(tenant, activity.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }
}
