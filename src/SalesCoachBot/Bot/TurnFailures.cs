using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SalesCoachBot.Conversation;
using SalesCoachBot.Storage;

namespace SalesCoachBot.Bot;

/// <summary>
/// The adapter's last word on a turn that threw. Four kinds of failure, four answers: the store could not take the
/// change (the user is told plainly that nothing was changed, and may try again); the turn ran out of its budget
/// waiting for the store (the user is told it may not have been saved); the connector did not take the reply in time,
/// or the caller hung up (nothing more can be sent, so the turn ends, logged); anything else is a bug, said as such.
/// The wording is the host's; none of it quotes the exception.
/// </summary>
public sealed class TurnFailures(IHttpContextAccessor http, StoreFaultMemory storeFaults, ILogger<TurnFailures> logger)
{
    /// <summary>What a user reads when the store cannot be written right now. Nothing was half-written: each change is one write.</summary>
    public static readonly BotReply CouldNotSave = BotReply.Plain(
        "I couldn't save that now, so nothing was changed. Please try again in a minute.");

    /// <summary>What a user reads when the turn ran out of time waiting for the store (SalesCoach:Bot:TurnTimeoutSeconds).</summary>
    public static readonly BotReply TookTooLong = BotReply.Plain(
        "That took me too long, so I stopped. It may not have been saved: say \"my deals\" to check, then try again in a minute.");

    public static readonly BotReply SomethingWentWrong = BotReply.Plain(
        "Sorry, something went wrong on my side while handling that. Please try again in a moment.");

    /// <summary>The exception's type and those inside it, for a log line that says what failed without quoting anything.</summary>
    private static string Chain(Exception exception)
    {
        var types = new List<string>();
        for (var current = exception; current is not null && types.Count < 5; current = current.InnerException)
        {
            types.Add(current is Microsoft.Azure.Cosmos.CosmosException cosmos ? $"{current.GetType().Name}({(int)cosmos.StatusCode})" : current.GetType().Name);
        }

        return string.Join(" <- ", types);
    }

    public async Task OnTurnErrorAsync(ITurnContext turn, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(exception);
        var activityId = LogText.Safe(turn.Activity?.Id);
        var activityType = LogText.Safe(turn.Activity?.Type);
        BotReply answer;
        if (StoreFaults.IsUnavailable(exception))
        {
            logger.LogWarning(exception, "The store could not take activity {ActivityId} of type {ActivityType}; told the user nothing was changed", activityId, activityType);
            storeFaults.RecordFault();
            answer = CouldNotSave;
        }
        else if (exception is OperationCanceledException && (exception.InnerException is TimeoutException || http.HttpContext?.RequestAborted.IsCancellationRequested == true))
        {
            // A reply that Teams did not accept in time (SalesCoach:Bot:ConnectorTimeoutSeconds: HttpClient's timeout), or
            // a caller that hung up: either way nothing more can be said in this turn. Teams may retry; a change applies once.
            logger.LogWarning("Turn for activity {ActivityId} of type {ActivityType} ended without a reply: {Failure}", activityId, activityType, exception.GetType().Name);
            return;
        }
        else if (exception is OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Turn for activity {ActivityId} of type {ActivityType} ran out of time (SalesCoach:Bot:TurnTimeoutSeconds)", activityId, activityType);
            answer = TookTooLong;
        }
        else
        {
            logger.LogError(exception, "Turn failed for activity {ActivityId} of type {ActivityType}: {Failure}", activityId, activityType, Chain(exception));
            answer = SomethingWentWrong;
        }

        try
        {
            if (turn.Activity?.Type == ActivityTypes.Invoke)
            {
                // A card click is answered in the HTTP response: the card shows the message instead of an error.
                await turn.SendActivityAsync(ReplyActivity.InvokeMessageResponse(answer.Text)).ConfigureAwait(false);
            }
            else
            {
                await turn.SendActivityAsync(answer.ToActivity()).ConfigureAwait(false);
            }
        }
        catch (Exception sendFailure) when (sendFailure is ErrorResponseException or HttpRequestException or OperationCanceledException)
        {
            // The connector itself is failing; the original error is already logged, so do not turn it into a 500 loop.
            logger.LogWarning("Could not tell the user about the failed turn {ActivityId}: {Failure}", activityId, sendFailure.GetType().Name);
        }
    }
}
