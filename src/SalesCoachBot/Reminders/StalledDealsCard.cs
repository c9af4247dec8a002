using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Reminders;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Reminders;

/// <summary>"stalled deals": deals past their stage's allowed time or next-step date, by rep.</summary>
public static class StalledDealsCard
{
    public static string Summary(string title, IReadOnlyList<StalledDeal> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0
            ? $"{title}: none. Every open deal is within its stage's allowed time."
            : $"{title}:\n" + string.Join("\n", rows.Select(r => $"- {r.Rep.Name ?? r.Rep.UserId}: {r.View.Deal.Name}, {r.View.Stage.Name}, {Replies.CoreText.TimeInStage(r.View)}"));
    }

    /// <param name="scorecard">The weekly digest's team scorecard, shown first; empty for "stalled deals".</param>
    public static AdaptiveCard Build(string title, IReadOnlyList<StalledDeal> rows, IReadOnlyList<ScorecardRow>? scorecard = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var body = new List<CardElement> { Heading(Escape(title)) };
        body.AddRange(ScorecardSection.Build(scorecard ?? []));
        if (rows.Count == 0)
        {
            body.Add(Text("None: every open deal is within its stage's allowed time and next-step date."));
            return Card(body);
        }

        foreach (var group in rows.GroupBy(r => r.Rep.UserId))
        {
            body.Add(CoachingCard.Section(Escape(group.First().Rep.Name ?? group.Key)));
            body.Add(new FactSet
            {
                Facts = group.Select(r => new Fact(
                    Escape(r.View.Deal.Name),
                    $"{r.View.Stage.Name} · {Replies.CoreText.TimeInStage(r.View)}" + (r.View.IsNextStepOverdue ? " · next step overdue" : string.Empty))).ToList(),
            });
        }

        return Card(body);
    }
}
