using Microsoft.Bot.Builder;

namespace SalesCoachBot.Bot;

/// <summary>
/// Holds a turn to its budget (the request's token, cancelled after SalesCoach:Bot:TurnTimeoutSeconds) even where a
/// store call does not listen to the token: past the budget the turn stops waiting, and the adapter's error handler
/// tells the user (<see cref="TurnFailures.TookTooLong"/>). The abandoned work may still finish; the user was told it may.
/// </summary>
public sealed class TurnBudgetMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return next(cancellationToken).WaitAsync(cancellationToken);
    }
}
