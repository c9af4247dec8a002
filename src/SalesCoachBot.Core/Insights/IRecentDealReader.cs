using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// A deal store that can leave out, in its query, the closed deals nothing happened to since an instant: every change
/// to a deal sets its <see cref="Deal.UpdatedAt"/>, so a closed deal last updated before a period holds nothing of it.
/// Team figures over a quarter then read a fraction of a rep's closed deals (the embedded store implements it).
/// </summary>
public interface IRecentDealReader
{
    /// <summary>The owner's open deals, and the closed ones updated at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<Deal>> ListOpenOrChangedSinceAsync(OwnerKey owner, DateTimeOffset since, CancellationToken cancellationToken);
}
