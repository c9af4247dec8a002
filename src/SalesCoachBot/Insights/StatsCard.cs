using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Replies;
using static SalesCoachBot.Insights.InsightText;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"how am I doing", "my stats this month", "how is Dana doing?": activity and results, the previous period beside each.</summary>
public static class StatsCard
{
    public static string Summary(string title, StatsReport report, ExpectationReport? expected = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var held = expected is null || expected.IsEmpty ? string.Empty
            : "\nAgainst expectations:\n" + string.Join("\n", ExpectationText.Expectations(expected).Select(r => $"- {r.Name}: {r.Value}"));
        return $"{title}, {Period(report.Current.Period)}:\n" + string.Join("\n", Rows(report).Select(r => $"- {r.Name}: {r.Value}")) + held;
    }

    /// <param name="title">The card's heading.</param>
    /// <param name="report">The period's figures.</param>
    /// <param name="chart">The trend picture's signed link, if any.</param>
    /// <param name="expected">The rep's targets and quota against the figures; no section when none is set.</param>
    public static AdaptiveCard Build(string title, StatsReport report, Uri? chart = null, ExpectationReport? expected = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new List<CardElement>
        {
            Heading(Escape(title)),
            Text($"{Period(report.Current.Period)}; before: {Period(report.Previous.Period)}", subtle: true),
        };
        body.AddRange(ChartSlot.For(chart, $"Win rate and activity by week, last {InsightCharts.TrendWeeks} weeks (this one so far)"));
        body.Add(new FactSet { Facts = Rows(report).Select(r => new Fact(r.Name, r.Value)).ToList() });
        if (expected is { IsEmpty: false })
        {
            body.Add(CoachingCard.Section("Against expectations"));
            body.Add(new FactSet { Facts = ExpectationText.Expectations(expected).Select(r => new Fact(r.Name, r.Value)).ToList() });
        }

        if (report.Current.Stages.Count > 0)
        {
            body.Add(CoachingCard.Section("Time in stage and conversion"));
            body.Add(new FactSet
            {
                Facts = report.Current.Stages.Select(s => new Fact(
                    $"{s.Stage.Name} ({s.Model.Name})",
                    $"{Days(s.AverageTime)} on average{(s.Stage.AllowedTime is { } allowed ? $" of {CoreText.Duration(allowed)}" : string.Empty)} · {s.OverAllowed} of {s.Exits} over · {Percent(s.Conversion)} moved on")).ToList(),
            });
        }

        return Card(body);
    }

    private static IEnumerable<(string Name, string Value)> Rows(StatsReport report)
    {
        var now = report.Current;
        var before = report.Previous;
        yield return ("Activities", WithPrevious($"{now.ActivityCount}: {Activities(now.Activities)}", before.ActivityCount.ToString(UserFormat.Culture)));
        yield return ("New deals", WithPrevious(now.NewDeals.ToString(UserFormat.Culture), before.NewDeals.ToString(UserFormat.Culture)));
        yield return ("Stage moves", WithPrevious(now.StageMoves.ToString(UserFormat.Culture), before.StageMoves.ToString(UserFormat.Culture)));
        yield return ("Next steps set", WithPrevious(now.NextStepsSet.ToString(UserFormat.Culture), before.NextStepsSet.ToString(UserFormat.Culture)));
        yield return ("Next steps done", WithPrevious(StepsDone(now), StepsDone(before)));
        yield return ("Won", WithPrevious(CountAndMoney(now.Won, now.WonAmount), CountAndMoney(before.Won, before.WonAmount)));
        yield return ("Lost", WithPrevious(CountAndMoney(now.Lost, now.LostAmount), CountAndMoney(before.Lost, before.LostAmount)));
        yield return ("Win rate", WithPrevious(Percent(now.WinRate), Percent(before.WinRate)));
        yield return ("Win rate by value", WithPrevious(ByValue(now), ByValue(before)));
        yield return ("Average won deal", WithPrevious(Average(now), Average(before)));
        yield return ("Sales cycle (created to won)", WithPrevious(Days(now.AverageCycle), Days(before.AverageCycle)));
        yield return ("Open now", $"{report.OpenDeals}: {report.Stalled} stalled, {report.NextStepOverdue} with the next step overdue, {report.NoNextStep} without a next step");
    }

    /// <summary>"5, on time 3 of the 4 with a due date": done steps, and how many of those with a date made it.</summary>
    private static string StepsDone(PeriodFigures figures) =>
        figures.NextStepsDoneWithDue == 0 ? figures.NextStepsDone.ToString(UserFormat.Culture)
        : $"{figures.NextStepsDone.ToString(UserFormat.Culture)}, on time {figures.NextStepsDoneOnTime.ToString(UserFormat.Culture)} of the {figures.NextStepsDoneWithDue.ToString(UserFormat.Culture)} with a due date";

    private static string ByValue(PeriodFigures figures) =>
        figures.WinRateByValue.Count == 0 ? "n/a"
        : string.Join(", ", figures.WinRateByValue.Select(v => figures.WinRateByValue.Count > 1 ? $"{Percent(v.Share)} in {v.Currency ?? "no currency"}" : Percent(v.Share)));

    // An average to the unit: "$9,333", not "$9,333.33".
    private static string Average(PeriodFigures figures) =>
        figures.AverageWon.Count == 0 ? "n/a" : string.Join(" and ", figures.AverageWon.Select(m => (m with { Amount = decimal.Round(m.Amount, MidpointRounding.AwayFromZero) }).Format()));
}
