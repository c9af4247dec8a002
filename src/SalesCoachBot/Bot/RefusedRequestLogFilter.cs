using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace SalesCoachBot.Bot;

/// <summary>
/// A request refused for its token. Still an <see cref="UnauthorizedAccessException"/>, so the SDK's adapter answers
/// it with 401 as before; its own type tells <see cref="RefusedRequestLogFilter"/> that it has been logged already.
/// </summary>
public sealed class RefusedTokenException() : UnauthorizedAccessException("The request's token could not be validated.");

/// <summary>
/// The logger the SDK's <see cref="CloudAdapter"/> writes to. The adapter logs every request it refuses at Error with a
/// stack trace: a refused token is not a fault of the bot, and a flood of forged requests would fill the error log
/// (and any alert on it) with a kilobyte each. <see cref="ConfiguredBotAuthentication"/> has already logged such a
/// refusal once, at Warning, with its reason; this leaves the adapter's copy of it out and passes everything else on.
/// </summary>
public sealed class RefusedRequestLogFilter(ILogger<CloudAdapter> adapterLog) : ILogger<CloudAdapter>
{
    private static readonly string RefusalText = typeof(RefusedTokenException).FullName + ":";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => adapterLog.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => adapterLog.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // The adapter (SDK 4.23.1) logs the refusal as the exception's text, with no exception object attached.
        if (exception is RefusedTokenException
            || (logLevel >= LogLevel.Error && adapterLog.IsEnabled(logLevel) && formatter(state, exception).StartsWith(RefusalText, StringComparison.Ordinal)))
        {
            return;
        }

        adapterLog.Log(logLevel, eventId, state, exception, formatter);
    }
}
