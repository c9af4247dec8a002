using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Testing;

/// <summary>Store round trips counted per store, for the tests that bound what one turn costs.</summary>
public sealed class StoreCounts
{
    private int _dealReads, _dealWrites, _profileReads, _profileWrites;

    public int DealReads => _dealReads;

    public int DealWrites => _dealWrites;

    public int ProfileReads => _profileReads;

    public int ProfileWrites => _profileWrites;

    /// <summary>Reads of deals and profiles: everything a turn reads from the store.</summary>
    public int Reads => _dealReads + _profileReads;

    public int Writes => _dealWrites + _profileWrites;

    public void Reset()
    {
        _dealReads = _dealWrites = _profileReads = _profileWrites = 0;
    }

    public override string ToString() =>
        $"deals {_dealReads}r/{_dealWrites}w, profiles {_profileReads}r/{_profileWrites}w";

    /// <summary>Wraps the app's deal and profile stores in counting decorators.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton(this);
        Decorate<IDealStore>(services, inner => new CountingDealStore(inner, this));
        Decorate<IUserProfileStore>(services, inner => new CountingProfileStore(inner, this));
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(T));
        var factory = registered.ImplementationFactory
            ?? throw new InvalidOperationException($"{typeof(T).Name} is expected to be registered with a factory.");
        services.Remove(registered);
        services.AddSingleton(sp => decorate((T)factory(sp)));
    }

    private sealed class CountingDealStore(IDealStore inner, StoreCounts counts) : IDealStore
    {
        public Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._dealReads);
            return inner.GetAsync(owner, dealId, cancellationToken);
        }

        public Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._dealReads);
            return inner.ListAsync(owner, includeClosed, cancellationToken);
        }

        public Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._dealReads);
            return inner.ListIncludingDeletedAsync(owner, cancellationToken);
        }

        public Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._dealWrites);
            return inner.SaveAsync(deal, expectedETag, cancellationToken);
        }
    }

    private sealed class CountingProfileStore(IUserProfileStore inner, StoreCounts counts) : IUserProfileStore
    {
        public Task<UserProfile?> GetAsync(OwnerKey user, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._profileReads);
            return inner.GetAsync(user, cancellationToken);
        }

        public Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._profileWrites);
            return inner.SaveAsync(profile, expectedETag, cancellationToken);
        }

        public Task<IReadOnlyList<UserProfile>> ListAsync(string tenantId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._profileReads);
            return inner.ListAsync(tenantId, cancellationToken);
        }

        public Task<IReadOnlyList<UserProfile>> ListDigestsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._profileReads);
            return inner.ListDigestsDueAsync(now, limit, cancellationToken);
        }

        public Task<IReadOnlyList<UserProfile>> ListSummariesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts._profileReads);
            return inner.ListSummariesDueAsync(now, limit, cancellationToken);
        }
    }
}
