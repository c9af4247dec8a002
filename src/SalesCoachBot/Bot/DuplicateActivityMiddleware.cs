using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Bot;

/// <summary>
/// Teams retries an activity it thinks timed out, sometimes while the first copy is still being handled. Each activity is
/// claimed in one atomic write before it is handled (<see cref="IProcessedActivityStore.TryClaimAsync"/>), so of any
/// number of copies, concurrent or late, exactly one is handled and answered. (Changes are also idempotent on their
/// own: each deal remembers the activities applied to it.)
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
        if (!tracked)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var tenant = ActivityInput.TenantOf(activity);
        var claimed = await TryClaimAsync(tenant, activity, cancellationToken).ConfigureAwait(false);
        if (claimed == false)
        {
            logger.LogInformation("Activity {ActivityId} of type {ActivityType} was handled before; ignoring the retry", LogText.Safe(activity.Id), LogText.Safe(activity.Type));
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
        catch (Exception) when (claimed == true)
        {
            // The turn failed: give the claim back so Teams' retry gets a real answer instead of silence.
            await ReleaseAsync(tenant, activity).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// True when this copy holds the claim, false when another copy does; null when the store could not record the claim
    /// (it cannot be written just now): the turn is then handled unclaimed, since a rare double answer costs the user less
    /// than no answer, and a read-only command must still answer when the store cannot be written.
    /// </summary>
    private async Task<bool?> TryClaimAsync(string tenant, IActivity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await processed.TryClaimAsync(tenant, activity.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not record activity {ActivityId} as handled; handling it without the duplicate check", LogText.Safe(activity.Id));
            return null;
        }
    }

    private async Task ReleaseAsync(string tenant, IActivity activity)
    {
        try
        {
            await processed.ReleaseAsync(tenant, activity.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not release the claim on failed activity {ActivityId}; a retry of it will be ignored", LogText.Safe(activity.Id));
        }
    }
}
