using System.Collections.Concurrent;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Tests.Support;

/// <summary>
/// Deals and profiles in memory, with the stores' ETag contract (a stale or missing version is a conflict), for Core
/// tests that need a store without a database. The real stores run the same contract in the storage tests.
/// </summary>
public sealed class InMemoryStores : IDealStore, IUserProfileStore
{
    private readonly ConcurrentDictionary<(OwnerKey Owner, string Id), Deal> _deals = new();
    private readonly ConcurrentDictionary<OwnerKey, UserProfile> _profiles = new();
    private int _version;

    public Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken) =>
        Task.FromResult(_deals.TryGetValue((owner, dealId), out var deal) && !deal.IsDeleted ? deal : null);

    public Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Deal>>(_deals.Values.Where(d => d.Owner == owner && !d.IsDeleted && (includeClosed || d.IsOpen)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Deal>>(_deals.Values.Where(d => d.Owner == owner).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    public Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_deals)
        {
            _deals.TryGetValue((deal.Owner, deal.Id), out var stored);
            if (stored?.ETag != expectedETag)
            {
                return Task.FromResult(SaveResult.Conflict);
            }

            var saved = deal with { ETag = NextVersion() };
            _deals[(deal.Owner, deal.Id)] = saved;
            return Task.FromResult(new SaveResult(SaveStatus.Saved, saved));
        }
    }

    public Task<UserProfile?> GetAsync(OwnerKey user, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.TryGetValue(user, out var profile) ? profile : null);

    public Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_profiles)
        {
            _profiles.TryGetValue(profile.Key, out var stored);
            if (stored?.ETag != expectedETag)
            {
                return Task.FromResult(false);
            }

            _profiles[profile.Key] = profile with { ETag = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<UserProfile>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserProfile>>(_profiles.Values.Where(p => p.TenantId == tenantId).ToList());

    public Task<IReadOnlyList<UserProfile>> ListDigestsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserProfile>>(_profiles.Values.Where(p => p.NextDigestAt <= now).Take(limit).ToList());

    public Task<IReadOnlyList<UserProfile>> ListSummariesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserProfile>>(_profiles.Values.Where(p => p.NextSummaryAt <= now).Take(limit).ToList());

    private string NextVersion() => $"v{Interlocked.Increment(ref _version)}";
}
