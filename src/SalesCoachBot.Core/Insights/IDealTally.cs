using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// Figures worked out one deal at a time, in whatever order the deals come. A team's read hands each deal over as soon
/// as it is parsed (<see cref="TeamReader.TallyEachAsync"/>), so no deal is kept once counted: at 50 reps × 2,000 deals,
/// keeping them all while the figures were worked out doubled the read's cost, in the garbage collector.
/// </summary>
public interface IDealTally
{
    /// <summary>
    /// Whether lost deals count at all. A forecast's do not (it counts open deals and wins), so a store may leave them
    /// out of the read: a third of the deals a quarter's forecast would otherwise parse.
    /// </summary>
    bool CountsLostDeals => true;

    void Add(Deal deal);
}
