using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Insights;
using static SalesCoachBot.Insights.InsightText;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"which deals are at risk": open deals ranked by the stated rule, each with its reasons.</summary>
public static class AtRiskCard
{
    public const int MaxDeals = 15;

    /// <summary>The rule, as the card states it under the heading.</summary>
    public const string Rule = "Ranked by points: close date passed 5, next step overdue 4, over the stage's allowed time 3, no next step 2, nothing logged for 14 days 2, exit criteria not confirmed 1.";

    /// <summary>No entries: with open deals, none is at risk; with none, there is nothing to rank (not "every deal is fine").</summary>
    private static string NoneAtRisk(int openDeals) => openDeals == 0
        ? "You have no open deals, so none is at risk. Add one with \"new deal\" and its name."
        : "None: every open deal has a next step on time, a close date ahead and recent activity.";

    public static string Summary(IReadOnlyList<RiskEntry> entries, int openDeals)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Count == 0
            ? NoneAtRisk(openDeals)
            : $"{DealCount(entries.Count)} at risk, riskiest first:\n" + string.Join("\n", entries.Take(MaxDeals).Select(e => $"- {e.View.Deal.Name} ({Points(e.Score)}): {string.Join("; ", e.Reasons.Select(r => Reason(e, r)))}"));
    }

    public static AdaptiveCard Build(IReadOnlyList<RiskEntry> entries, int openDeals)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var body = new List<CardElement> { Heading("Deals at risk"), Text(Rule, subtle: true) };
        if (entries.Count == 0)
        {
            body.Add(Text(NoneAtRisk(openDeals)));
            return Card(body);
        }

        foreach (var entry in entries.Take(MaxDeals))
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock { Text = $"{Escape(entry.View.Deal.Name)} · {Points(entry.Score)}", Weight = FontWeight.Bolder },
                    Text($"{entry.View.Stage.Name} · {entry.View.Deal.Amount?.Format() ?? "no amount"}", subtle: true),
                    Text(string.Join("; ", entry.Reasons.Select(r => Reason(entry, r))), color: TextColor.Attention),
                ],
                SelectAction = Execute($"Show {entry.View.Deal.Name}", new CardActionData { Verb = CardVerbs.ShowDeal, DealId = entry.View.Deal.Id }),
            });
        }

        if (entries.Count > MaxDeals)
        {
            body.Add(Text($"And {entries.Count - MaxDeals} more.", subtle: true));
        }

        return Card(body);
    }

    private static string Points(int score) => score == 1 ? "1 point" : $"{score} points";
}
