using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Replies;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"Dana's deals", "show Dana's Contoso": a rep's pipeline or one deal, for their manager to read (no buttons that change it).</summary>
public static class RepDealsCard
{
    public const int MaxDeals = 25;

    public static string Summary(string rep, IReadOnlyList<DealView> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return deals.Count == 0
            ? $"{rep} has no open deals."
            : $"{rep}'s pipeline: {deals.Count} open deals.\n" + string.Join("\n", deals.Take(MaxDeals).Select(v => $"- {v.Deal.Name}: {v.Stage.Name}, {CoreText.TimeInStage(v)}, {v.Deal.Amount?.Format() ?? "no amount"}"));
    }

    public static AdaptiveCard Build(string rep, IReadOnlyList<DealView> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var body = new List<CardElement> { Heading($"{Escape(rep)}'s pipeline") };
        if (deals.Count == 0)
        {
            body.Add(Text($"{Escape(rep)} has no open deals."));
            return Card(body);
        }

        body.Add(Text($"{deals.Count} open deals · read-only", subtle: true));
        body.Add(new FactSet
        {
            Facts = deals.Take(MaxDeals).Select(v => new Fact(
                Escape(v.Deal.Name),
                $"{v.Stage.Name} · {CoreText.TimeInStage(v)}{(v.IsOverdue ? " (over)" : string.Empty)} · {v.Deal.Amount?.Format() ?? "no amount"}"
                + (v.Deal.NextStep is { } step ? $" · next: {Escape(step.Text)}" : " · no next step"))).ToList(),
        });
        if (deals.Count > MaxDeals)
        {
            body.Add(Text($"And {deals.Count - MaxDeals} more.", subtle: true));
        }

        return Card(body);
    }

    public static string DealSummary(string rep, DealView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"{rep}'s {view.Deal.Name}: {view.Stage.Name}, {CoreText.TimeInStage(view)}, {view.Deal.Amount?.Format() ?? "no amount"}.";
    }

    public static AdaptiveCard BuildDeal(string rep, DealView view, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(view);
        var deal = view.Deal;
        var facts = new List<Fact>
        {
            new("Stage", $"{view.Stage.Name} ({view.Model.Name}) · {CoreText.TimeInStage(view)}"),
            new("Amount", deal.Amount?.Format() ?? "none yet"),
            new("Closes", deal.ExpectedClose is { } close ? UserFormat.Date(close) : "no date yet"),
            new("Next step", deal.NextStep is { } step ? Escape(step.Text) + (step.Due is { } due ? $" by {UserFormat.Date(due)}" : string.Empty) : "none"),
            new("Status", deal.Status.ToString()),
        };
        var unconfirmed = DealRules.StillUnconfirmed(deal);
        if (unconfirmed.Count > 0)
        {
            facts.Add(new Fact("Not confirmed", string.Join("; ", unconfirmed.Select(Escape))));
        }

        var body = new List<CardElement>
        {
            Heading($"{Escape(rep)}'s {Escape(deal.Name)}"),
            Text("Read-only: only the rep changes the deal.", subtle: true),
            new FactSet { Facts = facts },
        };
        if (deal.Activities.Count > 0)
        {
            body.Add(CoachingCard.Section("Latest activities"));
            body.Add(new FactSet { Facts = deal.Activities.TakeLast(5).Reverse().Select(a => new Fact(UserFormat.Date(a.Date), $"{InsightText.Activity(a.Kind)}{(a.Note is { } note ? ": " + Escape(note) : string.Empty)}")).ToList() });
        }

        body.Add(Text($"Updated {UserFormat.DateTime(deal.UpdatedAt, zone)}", subtle: true));
        return Card(body);
    }
}
