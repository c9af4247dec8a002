using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using static SalesCoachBot.Replies.CardParts;
using static SalesCoachBot.Replies.UserFormat;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Reminders;

/// <summary>Several deals due at once: one message with the list, not a flood; each opens its coaching card.</summary>
public static class ReminderListCard
{
    /// <summary>Teams shows at most a handful of buttons well; the rest are listed and reachable by "what now for …".</summary>
    public const int MaxButtons = 5;

    public static string Summary(IReadOnlyList<DueReminder> reminders, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        return $"{reminders.Count} deals need attention:\n" + string.Join("\n", reminders.Select(r => $"- {r.Deal.Name}: {Replies.CoreText.Reason(r.Reason)}"));
    }

    public static AdaptiveCard Build(IReadOnlyList<DueReminder> reminders, SalesProcess process, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(process);
        var body = new List<CardElement> { Heading($"{reminders.Count} deals need attention") };
        foreach (var reminder in reminders)
        {
            var deal = reminder.Deal;
            var stage = process.ModelOrDefault(deal.ModelId).GetStage(deal.StageId)?.Name ?? deal.StageId;
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock { Text = $"{Escape(deal.Name)} · {stage}", Weight = FontWeight.Bolder },
                    Text(Escape(Replies.CoreText.CapitalizedReason(reminder.Reason)) + (reminder.Rung == Rung.SecondReminder ? " (second reminder)" : string.Empty), color: TextColor.Warning),
                    deal.NextStep is { } step
                        ? Text($"Next: {Escape(step.Text)}{(step.Due is { } due ? $" · due {Date(due)}" : string.Empty)}", subtle: true)
                        : Text("No next step yet", subtle: true),
                ],
            });
        }

        var actions = reminders.Take(MaxButtons)
            .Select(r => (CardAction)Execute($"Coach me on {r.Deal.Name}", new CardActionData { Verb = CardVerbs.Coach, DealId = r.Deal.Id }))
            .ToList();
        return Card(body, actions);
    }
}
