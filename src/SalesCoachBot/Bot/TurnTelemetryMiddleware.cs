using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SalesCoachBot.Bot;

/// <summary>
/// Outermost middleware: one span, one count and one duration per activity, tagged with the activity type, the
/// command kind the handler reports and the outcome (ok, refused, error).
/// </summary>
public sealed class TurnTelemetryMiddleware(SalesCoachTelemetry telemetry, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>The handler puts the answered command's kind (<see cref="Conversation.BotReply.CommandKind"/>) in the turn state under this key.</summary>
    public const string CommandKindKey = "SalesCoachBot.CommandKind";

    private static readonly FrozenSet<string> KnownActivityTypes = new[]
    {
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation,
    }.ToFrozenSet(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        // Activity types are a short list fixed by the protocol, but the field is free text: keep strangers out of the tags.
        var activityType = turnContext.Activity.Type is { } type && KnownActivityTypes.Contains(type) ? type : "other";
        var started = time.GetTimestamp();
        using var span = telemetry.Traces.StartActivity($"turn {activityType}", ActivityKind.Internal);
        var outcome = "ok";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            if (turnContext.TurnState.ContainsKey(TenantGuardMiddleware.RefusedTurnKey))
            {
                outcome = "refused";
            }

            var command = turnContext.TurnState.Get<string>(CommandKindKey) ?? "none";
            span?.SetTag(SalesCoachTelemetry.ActivityTypeTag, activityType);
            span?.SetTag(SalesCoachTelemetry.CommandTag, command);
            span?.SetTag(SalesCoachTelemetry.OutcomeTag, outcome);
            if (outcome == "error")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            telemetry.TurnHandled(activityType, command, outcome, time.GetElapsedTime(started));
        }
    }
}
