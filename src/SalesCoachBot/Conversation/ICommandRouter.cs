namespace SalesCoachBot.Conversation;

/// <summary>Takes one turn (a message or a card click) and returns what to answer.</summary>
public interface ICommandRouter
{
    Task<BotReply> HandleAsync(ChatInput input, CancellationToken cancellationToken);
}
