using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Help;

/// <summary>What the bot can do: help, a greeting, and the answer to a message it did not understand.</summary>
public sealed class HelpCommandHandler
{
    public Task<BotReply> HelpAsync(ShowHelp command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(BotReply.Card(HelpCard.Summary, HelpCard.Build(context.Process)));
    }

    public Task<BotReply> GreetAsync(Greet command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(BotReply.Card(WelcomeCard.Summary(context.Actor.UserName), WelcomeCard.Build(context.Actor.UserName, context.Process)));
    }

    public Task<BotReply> NotUnderstoodAsync(NotUnderstood command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var hint = command.Hint is { } said ? CoreText.Hint(said) : null;
        var suggestions = CommandSuggestions.For(command.Text);
        return Task.FromResult(BotReply.Card(
            hint ?? $"Sorry, I didn't understand \"{command.Text}\". You could try: {string.Join("; ", suggestions.Select(s => s.Example))}. Say \"help\" to see what I can do.",
            NotUnderstoodCard.Build(command.Text, hint, suggestions)));
    }
}
