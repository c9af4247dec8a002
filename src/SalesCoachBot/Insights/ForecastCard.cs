using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Replies;
using static SalesCoachBot.Insights.InsightText;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"my forecast", "what closes this month", "team forecast": totals, categories, target, the deals, what needs fixing.</summary>
public static class ForecastCard
{
    /// <summary>How many deals a card lists; the totals always cover all of them.</summary>
    public const int MaxLines = 15;

    public static string Summary(string title, ForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            $"{title}, {Period(report.Period)}: {DealCount(report.Lines.Count)} closing, total {Money(report.Total)}, weighted {Money(report.Weighted)}.",
            $"Commit {Money(report.Commit)} · Best case {Money(report.BestCase)} · Pipeline {Money(report.Pipeline)} · Won so far {Money(report.WonInPeriod)}.",
        };
        if (report.Target is { } target)
        {
            lines.Add($"Target {target.Format()}: won + commit is {Percent(report.CommitAndWonAgainstTarget)} of it.");
        }

        lines.AddRange(report.Lines.Take(MaxLines).Select(l => $"- {l.Deal.Name}: {Category(l.Category)}, {l.Stage.Name} ({Percent(l.Probability)}), {l.Deal.Amount?.Format() ?? "no amount"}, closes {UserFormat.Date(l.Deal.ExpectedClose!.Value)}"));
        if (report.NeedsFixing.Count > 0)
        {
            lines.Add($"Needs a close date: {string.Join(", ", report.NeedsFixing.Select(f => f.Deal.Name))}.");
        }

        return string.Join("\n", lines);
    }

    public static AdaptiveCard Build(string title, ForecastReport report, Uri? chart = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new List<CardElement>
        {
            Heading(Escape(title)),
            Text(Period(report.Period), subtle: true),
        };
        body.AddRange(ChartSlot.For(chart, $"Forecast against target, {Period(report.Period)}"));
        var facts = new List<Fact>
        {
            new("Closing", DealCount(report.Lines.Count) + (report.WithoutAmount > 0 ? $" ({report.WithoutAmount} without an amount)" : string.Empty)),
            new("Total", Money(report.Total)),
            new("Weighted", Money(report.Weighted)),
            new("Commit", Money(report.Commit)),
            new("Best case", Money(report.BestCase)),
            new("Pipeline", Money(report.Pipeline)),
            new("Won so far", Money(report.WonInPeriod)),
        };
        if (report.Target is { } target)
        {
            facts.Add(new Fact("Target", $"{target.Format()} · won + commit {Percent(report.CommitAndWonAgainstTarget)}"));
        }

        body.Add(new FactSet { Facts = facts });
        if (report.Lines.Count > 0)
        {
            body.Add(CoachingCard.Section("Deals closing"));
            body.Add(new FactSet
            {
                Facts = report.Lines.Take(MaxLines).Select(l => new Fact(
                    Escape(l.Deal.Name),
                    $"{Category(l.Category)}{(l.Overridden ? " (set by you)" : string.Empty)} · {l.Stage.Name} {Percent(l.Probability)} · {l.Deal.Amount?.Format() ?? "no amount"} · {UserFormat.ShortDate(l.Deal.ExpectedClose!.Value)}")).ToList(),
            });
            if (report.Lines.Count > MaxLines)
            {
                body.Add(Text($"And {report.Lines.Count - MaxLines} more, in the totals above.", subtle: true));
            }
        }

        if (report.NeedsFixing.Count > 0)
        {
            body.Add(CoachingCard.Section("Needs a close date"));
            body.Add(new FactSet
            {
                Facts = report.NeedsFixing.Take(MaxLines).Select(f => new Fact(
                    Escape(f.Deal.Name),
                    f.Problem == CloseDateProblem.Missing ? "no close date" : $"close date {UserFormat.Date(f.Deal.ExpectedClose!.Value)} has passed")).ToList(),
            });
        }

        return Card(body);
    }

}
