using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Testing.Insights;

/// <summary>
/// A deal store seen without its insight read (<see cref="Core.Insights.IInsightDealReader"/>): a team is then read
/// whole and filtered by <see cref="Core.Insights.TeamReader"/>, the reference the insight read's figures must equal.
/// </summary>
public sealed class WholeDealStore(IDealStore inner) : IDealStore
{
    public Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken) => inner.GetAsync(owner, dealId, cancellationToken);

    public Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken) => inner.ListAsync(owner, includeClosed, cancellationToken);

    public Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken) => inner.ListIncludingDeletedAsync(owner, cancellationToken);

    public Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken) => inner.SaveAsync(deal, expectedETag, cancellationToken);
}
