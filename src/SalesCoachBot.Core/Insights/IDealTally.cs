using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// Figures worked out one deal at a time, in whatever order the deals come. A team's read hands each deal over as soon
/// as it is parsed (<see cref="TeamReader.TallyEachAsync"/>), so no deal is kept once counted: at 50 reps × 2,000 deals,
/// keeping them all while the figures were worked out doubled the read's cost, in the garbage collector.
/// </summary>
public interface IDealTally
{
    void Add(Deal deal);
}
