using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// A deal store that reads a rep's deals for figures, leaving out in its query what no figure of a period can use:
/// closed deals nothing happened to since the period began (every change to a deal sets <see cref="Deal.UpdatedAt"/>),
/// and, in each deal, the undo trail (up to ten earlier copies of the deal: most of a stored deal) and the remembered
/// activity ids. Team figures over 50 reps' deals then read a fraction of the data (both stores implement it).
/// </summary>
/// <remarks>
/// A deal read this way is for reading only. It carries no <see cref="Deal.ETag"/>, so saving it back is an insert of a
/// deal that exists: a conflict on every store, never a write that would drop its undo trail.
/// </remarks>
public interface IInsightDealReader
{
    /// <summary>
    /// The owner's open deals and the closed ones updated at or after <paramref name="since"/>, never deleted ones, oldest
    /// first, each without its undo trail, remembered activity ids and ETag; every other field as stored.
    /// </summary>
    Task<IReadOnlyList<Deal>> ListForInsightsAsync(OwnerKey owner, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// The same deals, each counted into <paramref name="tally"/> as soon as it is read, in no particular order. A store
    /// whose read is bound by parsing (SQLite) hands each deal over as it parses it, so none is kept once counted; by
    /// default the list is read and counted.
    /// </summary>
    async Task TallyForInsightsAsync(OwnerKey owner, DateTimeOffset since, IDealTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        foreach (var deal in await ListForInsightsAsync(owner, since, cancellationToken).ConfigureAwait(false))
        {
            tally.Add(deal);
        }
    }
}
