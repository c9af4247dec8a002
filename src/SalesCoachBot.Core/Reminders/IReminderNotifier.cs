using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>One reminder about to go out: the deal, the rung, and why it is due (as data; the host words it).</summary>
public sealed record DueReminder(Deal Deal, Rung Rung, ReminderReason Reason);

public enum NotifyResult
{
    Sent,

    /// <summary>Teams refused the bot in that chat (403: removed or blocked). Stop sending there until the user comes back.</summary>
    Gone,

    /// <summary>Teams could not be reached even after retries; try again later.</summary>
    Failed,
}

/// <summary>Sends proactive messages. Implemented by the host with the Bot Framework; nothing here knows about it.</summary>
public interface IReminderNotifier
{
    /// <summary>One message to the rep, listing every due reminder (a single deal gets its coaching card).</summary>
    Task<NotifyResult> RemindRepAsync(UserProfile rep, IReadOnlyList<DueReminder> reminders, CancellationToken cancellationToken);

    /// <summary>The scheduled digest: one card with the team's scorecard (a row per rep) and its stalled deals by rep.</summary>
    Task<NotifyResult> SendDigestAsync(UserProfile manager, IReadOnlyList<StalledDeal> stalled, IReadOnlyList<ScorecardRow> scorecard, CancellationToken cancellationToken);

    /// <summary>The rep's own weekly summary: their line of the scorecard, as a short card.</summary>
    Task<NotifyResult> SendWeeklySummaryAsync(UserProfile rep, ScorecardRow scorecard, CancellationToken cancellationToken);

    /// <summary>A nudge to the rep's manager about a stalled deal.</summary>
    Task<NotifyResult> NudgeManagerAsync(UserProfile manager, UserProfile rep, DueReminder reminder, CancellationToken cancellationToken);
}
