using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Replies.CardParts;
using static SalesCoachBot.Replies.UserFormat;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Deals;

/// <summary>"my deals": every open deal with its stage, time in stage against the allowed time, next step and amount.</summary>
public static class PipelineCard
{
    public static string Summary(IReadOnlyList<DealView> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        if (deals.Count == 0)
        {
            return "You have no open deals. Create one with: new deal Contoso Ltd 45k";
        }

        var lines = deals.Select(v =>
            $"- {v.Deal.Name}: {v.Stage.Name}, {Replies.CoreText.TimeInStage(v)}{(v.IsOverdue ? " (overdue)" : string.Empty)}"
            + (v.Deal.Amount is { } amount ? $", {amount.Format()}" : string.Empty)
            + (v.Deal.NextStep is { } step ? $"; next: {step.Text}{(step.Due is { } due ? $" by {Date(due)}" : string.Empty)}" : string.Empty));
        return $"Your pipeline: {Count(deals.Count)}, {Totals(deals, weighted: false)}.\n" + string.Join("\n", lines);
    }

    public static AdaptiveCard Build(IReadOnlyList<DealView> deals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deals);
        if (deals.Count == 0)
        {
            return Card(
                [
                    Heading("Your pipeline"),
                    Text("You have no open deals yet."),
                    Text("Create one: new deal Contoso Ltd 45k", subtle: true),
                ],
                [Say("What can you do?", "help")]);
        }

        var body = new List<CardElement>
        {
            Heading("Your pipeline"),
            Text($"{Count(deals.Count)} · total {Totals(deals, weighted: false)} · weighted {Totals(deals, weighted: true)}", subtle: true),
        };
        body.AddRange(deals.Select(v => Row(v, today)));
        return Card(body);
    }

    private static Container Row(DealView view, DateOnly today)
    {
        var deal = view.Deal;
        var items = new List<CardElement>
        {
            new TextBlock { Text = Escape(deal.Name), Weight = FontWeight.Bolder },
            Text(
                $"{view.Stage.Name} · {Replies.CoreText.TimeInStage(view)}{(view.IsOverdue ? " · over the allowed time" : string.Empty)}",
                subtle: !view.IsOverdue,
                color: view.IsOverdue ? TextColor.Attention : null),
            deal.NextStep is { } step
                ? Text(
                    $"Next: {Escape(step.Text)}{(step.Due is { } due ? $" · due {Date(due)}" : string.Empty)}",
                    color: view.IsNextStepOverdue ? TextColor.Attention : null)
                : Text("No next step yet", subtle: true, color: TextColor.Warning),
        };
        return new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items =
            [
                new ColumnSet
                {
                    Columns =
                    [
                        new Column { Width = ColumnWidth.Stretch, Items = items },
                        new Column
                        {
                            Width = ColumnWidth.Auto,
                            Items = [new TextBlock { Text = deal.Amount?.Format() ?? "no amount", Weight = FontWeight.Bolder, IsSubtle = deal.Amount is null ? true : null, HorizontalAlignment = HorizontalAlignment.Right }],
                        },
                    ],
                },
            ],
            SelectAction = Execute($"Show {deal.Name}", new CardActionData { Verb = CardVerbs.ShowDeal, DealId = deal.Id }),
        };
    }

    private static string Count(int n) => n == 1 ? "1 open deal" : $"{n} open deals";

    /// <summary>Sums per currency (a pipeline can mix them); weighted by each stage's win probability.</summary>
    private static string Totals(IReadOnlyList<DealView> deals, bool weighted)
    {
        var sums = deals
            .Where(v => v.Deal.Amount is not null)
            .GroupBy(v => v.Deal.Amount!.Value.Currency)
            .Select(g => new Money(g.Sum(v => v.Deal.Amount!.Value.Amount * (weighted ? v.Stage.WinProbability : 1m)), g.Key).Format())
            .ToList();
        return sums.Count == 0 ? "no amounts yet" : string.Join(" + ", sums);
    }
}
