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
        var tally = new ForecastTally(process, period, today);
        foreach (var deal in deals)
        {
            tally.Add(deal);
        }

        return tally.Report(target);
    }

    /// <summary>
    /// The forecast of everyone's deals from each one's own forecast (a team's from its reps'), the same as
    /// <see cref="For"/> over all their deals, without a second pass over them: lines and fixes are gathered and put in
    /// the same order, amounts summed per currency.
    /// </summary>
    public static ForecastReport Combine(IReadOnlyList<ForecastReport> parts, ReportPeriod period, Money? target = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(period);
        return Report(
            period,
            parts.SelectMany(p => p.Lines),
            parts.SelectMany(p => p.NeedsFixing),
            parts.SelectMany(p => p.WonInPeriod.PerCurrency),
            target);
    }

    // Lines and fixes equal in what is shown come in the order the stores list deals (oldest first, then by id), whatever
    // order the deals were counted in: a team read hands them over as it reads them.
    internal static ForecastReport Report(ReportPeriod period, IEnumerable<ForecastLine> closing, IEnumerable<ForecastFix> fixes, IEnumerable<Money> won, Money? target)
    {
        var lines = closing
            .OrderByDescending(l => l.Category)
            .ThenByDescending(l => l.Deal.Amount?.Amount ?? 0)
            .ThenBy(l => l.Deal.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(l => l.Deal.CreatedAt)
            .ThenBy(l => l.Deal.Id, StringComparer.Ordinal)
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
            fixes.OrderBy(f => f.Problem).ThenBy(f => f.Deal.ExpectedClose).ThenBy(f => f.Deal.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(f => f.Deal.CreatedAt).ThenBy(f => f.Deal.Id, StringComparer.Ordinal).ToList());
    }
}

/// <summary>
/// A forecast worked out one deal at a time (<see cref="Forecast.For"/> over a list is this over each deal): only the
/// deals it lists (closing in the period, or with a close date to fix) are kept.
/// </summary>
public sealed class ForecastTally(SalesProcess process, ReportPeriod period, DateOnly today) : IDealTally
{
    private readonly List<ForecastLine> _lines = [];
    private readonly List<ForecastFix> _fixes = [];
    private readonly List<Money> _won = [];

    /// <summary>How many deals were counted.</summary>
    public int Deals { get; private set; }

    /// <summary>A lost deal is neither closing nor won: it never counts (see <see cref="Add"/>).</summary>
    public bool CountsLostDeals => false;

    public void Add(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deals++;

        // A deleted deal is gone for the rep: it never counts, whoever read it (stores already leave it out).
        if (deal.IsDeleted)
        {
            return;
        }

        var model = process.ModelOrDefault(deal.ModelId);
        var stage = model.GetStage(deal.StageId) ?? model.FirstStage;
        if (deal.Status == DealStatus.Won)
        {
            if (deal.ClosedAt is { } closed && period.Contains(closed) && deal.Amount is { } amount)
            {
                _won.Add(amount);
            }

            return;
        }

        if (!deal.IsOpen)
        {
            return;
        }

        if (deal.ExpectedClose is not { } close)
        {
            _fixes.Add(new ForecastFix(deal, stage, CloseDateProblem.Missing));
        }
        else if (close < today)
        {
            _fixes.Add(new ForecastFix(deal, stage, CloseDateProblem.Passed));
        }
        else if (period.Contains(close))
        {
            var category = deal.ForecastOverride ?? process.Forecast.CategoryOf(stage.WinProbability);
            _lines.Add(new ForecastLine(deal, stage, stage.WinProbability, category, deal.ForecastOverride is not null));
        }
    }

    /// <summary>The forecast of the deals counted so far, against <paramref name="target"/> when there is one.</summary>
    public ForecastReport Report(Money? target = null) => Forecast.Report(period, _lines, _fixes, _won, target);
}
