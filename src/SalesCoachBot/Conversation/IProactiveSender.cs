using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Conversation;

/// <summary>
/// Sends a message the user did not ask for (a reminder, a nudge, a digest, a ping) into their 1:1 chat. Implemented at the
/// Bot Framework edge; features say what to send, not how it gets there.
/// </summary>
public interface IProactiveSender
{
    /// <param name="kind">What kind of message this is ("rep_reminder", "manager_nudge", "digest", "ping"), for telemetry.</param>
    Task<NotifyResult> SendAsync(UserProfile user, BotReply reply, string kind, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a 1:1 chat with <paramref name="person"/>, who never talked to the bot, through the chat of <paramref name="via"/>
    /// (same tenant), and remembers it. Null when Teams does not allow it.
    /// </summary>
    Task<UserProfile?> OpenPersonalChatAsync(UserProfile person, UserProfile via, CancellationToken cancellationToken);
}
