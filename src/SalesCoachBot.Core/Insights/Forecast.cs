using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Insights;

/// <summary>One open deal in a forecast: its stage's probability and the category it counts in.</summary>
/// <param name="Overridden">True when the rep put the deal in <paramref name="Category"/> themself.</param>
public sealed record ForecastLine(Deal Deal, Stage Stage, decimal Probability, ForecastCategory Category, bool Overridden)
{
    public Money? Weighted => Deal.Amount is { } amount ? amount with { Amount = amount.Amount * Probability } : null;
}

/// <summary>Why an open deal cannot be forecast: the rep should fix its close date.</summary>
public enum CloseDateProblem
{
    Missing,
    Passed,
}

public sealed record ForecastFix(Deal Deal, Stage Stage, CloseDateProblem Problem);

/// <summary>
/// A forecast for a period: the open deals expected to close in it, totalled and weighted by stage probability (per
/// currency), split by category; the target when one is set; the deals whose close date needs fixing, apart.
/// </summary>
public sealed record ForecastReport(
    ReportPeriod Period,
    IReadOnlyList<ForecastLine> Lines,
    MoneyTotals Total,
    MoneyTotals Weighted,
    MoneyTotals Commit,
    MoneyTotals BestCase,
    MoneyTotals Pipeline,
    int WithoutAmount,
    MoneyTotals WonInPeriod,
    Money? Target,
    IReadOnlyList<ForecastFix> NeedsFixing)
{
    /// <summary>
    /// What is expected against the target: already won in the period plus commit, in the target's currency; null
    /// without a target.
    /// </summary>
    public decimal? CommitAndWonAgainstTarget => Target is { Amount: > 0 } target
        ? (WonInPeriod.In(target.Currency) + Commit.In(target.Currency)) / target.Amount
        : null;

    public MoneyTotals In(ForecastCategory category) => category switch
    {
        ForecastCategory.Commit => Commit,
        ForecastCategory.BestCase => BestCase,
        _ => Pipeline,
    };
}

public static class Forecast
{
    /// <summary>
    /// The forecast of <paramref name="deals"/> (a rep's, or a team's) for <paramref name="period"/>. A close date in the
    /// period counts; a close date before <paramref name="today"/> or none puts an open deal in "needs fixing" instead.
    /// Won deals whose close falls in the period are summed apart, so a target compares with won plus commit.
    /// </summary>
    public static ForecastReport For(IEnumerable<Deal> deals, SalesProcess process, ReportPeriod period, DateOnly today, Money? target = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(period);
        var lines = new List<ForecastLine>();
        var fixes = new List<ForecastFix>();
        var won = new List<Money>();
        // A deleted deal is gone for the rep: it never counts, whoever read it (stores already leave it out).
        foreach (var deal in deals.Where(d => !d.IsDeleted))
        {
            var model = process.ModelOrDefault(deal.ModelId);
            var stage = model.GetStage(deal.StageId) ?? model.FirstStage;
            if (deal.Status == DealStatus.Won)
            {
                if (deal.ClosedAt is { } closed && period.Contains(closed) && deal.Amount is { } amount)
                {
                    won.Add(amount);
                }

                continue;
            }

            if (!deal.IsOpen)
            {
                continue;
            }

            if (deal.ExpectedClose is not { } close)
            {
                fixes.Add(new ForecastFix(deal, stage, CloseDateProblem.Missing));
            }
            else if (close < today)
            {
                fixes.Add(new ForecastFix(deal, stage, CloseDateProblem.Passed));
            }
            else if (period.Contains(close))
            {
                var category = deal.ForecastOverride ?? process.Forecast.CategoryOf(stage.WinProbability);
                lines.Add(new ForecastLine(deal, stage, stage.WinProbability, category, deal.ForecastOverride is not null));
            }
        }

        lines = lines
            .OrderByDescending(l => l.Category)
            .ThenByDescending(l => l.Deal.Amount?.Amount ?? 0)
            .ThenBy(l => l.Deal.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        MoneyTotals Sum(IEnumerable<ForecastLine> of) => MoneyTotals.Sum(of.Where(l => l.Deal.Amount is not null).Select(l => l.Deal.Amount!.Value));
        return new ForecastReport(
            period,
            lines,
            Sum(lines),
            MoneyTotals.Sum(lines.Select(l => l.Weighted).OfType<Money>()),
            Sum(lines.Where(l => l.Category == ForecastCategory.Commit)),
            Sum(lines.Where(l => l.Category == ForecastCategory.BestCase)),
            Sum(lines.Where(l => l.Category == ForecastCategory.Pipeline)),
            lines.Count(l => l.Deal.Amount is null),
            MoneyTotals.Sum(won),
            target,
            fixes.OrderBy(f => f.Problem).ThenBy(f => f.Deal.ExpectedClose).ThenBy(f => f.Deal.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }
}
