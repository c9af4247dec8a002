using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Conversation;

/// <summary>Answers one parsed command.</summary>
public delegate Task<BotReply> CommandHandler<in TCommand>(TCommand command, CommandContext context, CancellationToken cancellationToken)
    where TCommand : Command;

/// <summary>Answers one clicked card button.</summary>
public delegate Task<BotReply> CardVerbHandler(CardActionData action, CommandContext context, CancellationToken cancellationToken);

/// <summary>
/// The one table from each parsed command type and each card verb to the handler that owns it. A second handler for the
/// same command or verb is refused when the table is built, so every command and verb is dispatched exactly once.
/// </summary>
public sealed class DispatchTable
{
    private readonly Dictionary<Type, CommandHandler<Command>> _commands = [];
    private readonly Dictionary<string, CardVerbHandler> _verbs = new(StringComparer.Ordinal);
    private CardVerbHandler? _unknownVerb;

    public IReadOnlyCollection<Type> Commands => _commands.Keys;

    public IReadOnlyCollection<string> Verbs => _verbs.Keys;

    public DispatchTable On<TCommand>(CommandHandler<TCommand> handler)
        where TCommand : Command
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_commands.TryAdd(typeof(TCommand), (command, context, ct) => handler((TCommand)command, context, ct)))
        {
            throw new InvalidOperationException($"{typeof(TCommand).Name} already has a handler; each command has exactly one.");
        }

        return this;
    }

    public DispatchTable OnVerb(string verb, CardVerbHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_verbs.TryAdd(verb, handler))
        {
            throw new InvalidOperationException($"The card verb '{verb}' already has a handler; each verb has exactly one.");
        }

        return this;
    }

    /// <summary>What answers a button with a verb the bot does not know (an older card, a forged click).</summary>
    public DispatchTable OnUnknownVerb(CardVerbHandler handler)
    {
        _unknownVerb = handler;
        return this;
    }

    public Task<BotReply> DispatchAsync(Command command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _commands.TryGetValue(command.GetType(), out var handler)
            ? handler(command, context, cancellationToken)
            : throw new InvalidOperationException($"{command.GetType().Name} has no handler in the dispatch table.");
    }

    public Task<BotReply> DispatchAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Verb is { } verb && _verbs.TryGetValue(verb, out var handler))
        {
            return handler(action, context, cancellationToken);
        }

        return (_unknownVerb ?? throw new InvalidOperationException("The dispatch table has no handler for unknown card verbs."))(action, context, cancellationToken);
    }
}
