using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Replies.CardParts;
using static SalesCoachBot.Replies.UserFormat;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Deals;

/// <summary>
/// "my deals": the open deals with their stage, time in stage against the allowed time, next step and amount, a page
/// of <see cref="PageSize"/> at a time (totals over all of them), so the card stays one Teams message (~28 KB) however
/// many deals a rep has; "my deals page 2" and the card's buttons show the rest.
/// </summary>
public static class PipelineCard
{
    /// <summary>Deals per page: a row is at most about 1 KB (names up to 120 characters, next steps cut to <see cref="NextStepShown"/>).</summary>
    public const int PageSize = 15;

    /// <summary>How much of a next step a row shows; the deal's own card shows all of it.</summary>
    public const int NextStepShown = 80;

    /// <summary>How many pages the deals fill (at least one).</summary>
    public static int Pages(int deals) => Math.Max(1, (deals + PageSize - 1) / PageSize);

    public static string Summary(IReadOnlyList<DealView> deals, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(deals);
        if (deals.Count == 0)
        {
            return "You have no open deals. Create one with: new deal Contoso Ltd 45k";
        }

        var pages = Pages(deals.Count);
        page = Math.Clamp(page, 1, pages);
        var more = pages == 1 ? string.Empty
            : page < pages ? $"\nPage {page} of {pages}; say \"my deals page {page + 1}\" for more."
            : $"\nPage {page} of {pages}.";
        var lines = deals.Skip((page - 1) * PageSize).Take(PageSize).Select(v =>
            $"- {v.Deal.Name}: {v.Stage.Name}, {Replies.CoreText.TimeInStage(v)}{(v.IsOverdue ? " (overdue)" : string.Empty)}"
            + (v.Deal.Amount is { } amount ? $", {amount.Format()}" : string.Empty)
            + (v.Deal.NextStep is { } step ? $"; next: {Shorten(step.Text)}{(step.Due is { } due ? $" by {Date(due)}" : string.Empty)}" : string.Empty));
        return $"Your pipeline: {Count(deals.Count)}, {Totals(deals, weighted: false)}.\n" + string.Join("\n", lines) + more;
    }

    public static AdaptiveCard Build(IReadOnlyList<DealView> deals, DateOnly today, int page = 1)
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
        var pages = Pages(deals.Count);
        page = Math.Clamp(page, 1, pages);
        body.AddRange(deals.Skip((page - 1) * PageSize).Take(PageSize).Select(v => Row(v, today)));
        if (pages == 1)
        {
            return Card(body);
        }

        var first = ((page - 1) * PageSize) + 1;
        body.Add(Text($"Showing {first}–{Math.Min(page * PageSize, deals.Count)} of {deals.Count} · page {page} of {pages}", subtle: true));
        var actions = new List<CardAction>();
        if (page > 1)
        {
            actions.Add(Say("Previous page", $"my deals page {page - 1}"));
        }

        if (page < pages)
        {
            actions.Add(Say("Next page", $"my deals page {page + 1}"));
        }

        return Card(body, actions);
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
                    $"Next: {Escape(Shorten(step.Text))}{(step.Due is { } due ? $" · due {Date(due)}" : string.Empty)}",
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

    private static string Shorten(string text) => text.Length <= NextStepShown ? text : string.Concat(text.AsSpan(0, NextStepShown - 1), "…");

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
