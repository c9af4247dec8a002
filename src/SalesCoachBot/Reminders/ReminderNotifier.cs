using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Reminders;

/// <summary>What each reminder, nudge, digest and ping says, as cards; <see cref="IProactiveSender"/> delivers them.</summary>
public sealed class ReminderNotifier(IProactiveSender sender, SalesProcess process, TimeProvider time) : IReminderNotifier
{
    public Task<NotifyResult> RemindRepAsync(UserProfile rep, IReadOnlyList<DueReminder> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(reminders);
        var context = ContextFor(rep);
        var reply = reminders.Count == 1
            ? ReminderReply(reminders[0], context)
            : BotReply.Card(ReminderListCard.Summary(reminders, process), ReminderListCard.Build(reminders, process, context.Today));
        return sender.SendAsync(rep, reply, "rep_reminder", cancellationToken);
    }

    public async Task<NotifyResult> NudgeManagerAsync(UserProfile manager, UserProfile rep, DueReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(reminder);
        if (manager.ConversationReference is null)
        {
            if (await sender.OpenPersonalChatAsync(manager, rep, cancellationToken).ConfigureAwait(false) is not { } opened)
            {
                return NotifyResult.Gone;
            }

            manager = opened;
        }

        var context = ContextFor(manager);
        var view = DealView.For(reminder.Deal, process, context.Now, context.Today);
        var reply = BotReply.Card(ManagerNudgeCard.Summary(view, rep, CoreText.Reason(reminder.Reason)), ManagerNudgeCard.Build(view, rep, CoreText.Reason(reminder.Reason)));
        return await sender.SendAsync(manager, reply, "manager_nudge", cancellationToken).ConfigureAwait(false);
    }

    public Task<NotifyResult> SendDigestAsync(UserProfile manager, IReadOnlyList<StalledDeal> stalled, IReadOnlyList<ScorecardRow> scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(stalled);
        ArgumentNullException.ThrowIfNull(scorecard);
        const string title = "Weekly digest: your team's stalled deals";
        var summary = ScorecardSection.Summary(scorecard) + StalledDealsCard.Summary(title, stalled);
        return sender.SendAsync(manager, BotReply.Card(summary, StalledDealsCard.Build(title, stalled, scorecard)), "digest", cancellationToken);
    }

    public Task<NotifyResult> SendWeeklySummaryAsync(UserProfile rep, ScorecardRow scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(scorecard);
        return sender.SendAsync(rep, BotReply.Card(WeeklySummaryCard.Summary(scorecard), WeeklySummaryCard.Build(scorecard)), "weekly_summary", cancellationToken);
    }

    /// <summary>A manager's "ping" reaches the rep as the deal's coaching card in their chat.</summary>
    public Task<NotifyResult> PingRepAsync(UserProfile rep, string managerName, Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(deal);
        var reply = DealReplies.Coaching(deal, ContextFor(rep), headline: null, warnings: [$"{managerName} asked about {deal.Name}: what is the next step?"]);
        return sender.SendAsync(rep, reply, "ping", cancellationToken);
    }

    private static BotReply ReminderReply(DueReminder reminder, CommandContext context)
    {
        // The reminder the rep asked for says so, in their words; it is no sign of a stalled deal.
        var warning = reminder.Reason is AskedReminderDue asked
            ? $"You asked to be reminded about {reminder.Deal.Name}{(asked.Note is { } note ? $": {note}" : string.Empty)}."
            : reminder.Rung == Rung.SecondReminder
            ? $"Second reminder: {reminder.Deal.Name} needs attention: {CoreText.Reason(reminder.Reason)}. Your manager hears about it next."
            : $"Reminder: {reminder.Deal.Name} needs attention: {CoreText.Reason(reminder.Reason)}.";
        return DealReplies.Coaching(reminder.Deal, context, headline: null, warnings: [warning], askedReminder: reminder.Reason is AskedReminderDue);
    }

    private CommandContext ContextFor(UserProfile user) => CommandContext.Proactive(user.Key, user.Name, user.Zone, time, process);
}
