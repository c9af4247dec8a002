using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Replies;
using static SalesCoachBot.Insights.InsightText;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"what's due this week": next steps overdue, then those due in the period, by date.</summary>
public static class DueCard
{
    public const int MaxDeals = 20;

    public static string Summary(ReportPeriod period, IReadOnlyList<DealView> overdue, IReadOnlyList<DealView> due)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        ArgumentNullException.ThrowIfNull(due);
        if (overdue.Count + due.Count == 0)
        {
            return $"Nothing is due {Period(period)} and nothing is overdue.";
        }

        return $"Due {Period(period)}: {due.Count}; overdue: {overdue.Count}.\n"
            + string.Join("\n", overdue.Concat(due).Take(MaxDeals).Select(v => $"- {v.Deal.Name}: {v.Deal.NextStep!.Text} by {UserFormat.Date(v.Deal.NextStep.Due!.Value)}"));
    }

    public static AdaptiveCard Build(ReportPeriod period, IReadOnlyList<DealView> overdue, IReadOnlyList<DealView> due)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        ArgumentNullException.ThrowIfNull(due);
        var body = new List<CardElement> { Heading("What's due"), Text(Period(period), subtle: true) };
        if (overdue.Count + due.Count == 0)
        {
            body.Add(Text("Nothing is due and nothing is overdue."));
            return Card(body);
        }

        void Section(string title, IReadOnlyList<DealView> views, TextColor? color)
        {
            if (views.Count == 0)
            {
                return;
            }

            body.Add(CoachingCard.Section($"{title} ({views.Count})"));
            body.AddRange(views.Take(MaxDeals).Select(v => new Container
            {
                Items =
                [
                    Text($"{Escape(v.Deal.Name)}: {Escape(v.Deal.NextStep!.Text)}", color: color),
                    Text($"by {UserFormat.Date(v.Deal.NextStep.Due!.Value)} · {v.Stage.Name}", subtle: true),
                ],
                SelectAction = Execute($"Show {v.Deal.Name}", new CardActionData { Verb = CardVerbs.ShowDeal, DealId = v.Deal.Id }),
            }));
        }

        Section("Overdue", overdue, TextColor.Attention);
        Section("Due", due, null);
        return Card(body);
    }
}
