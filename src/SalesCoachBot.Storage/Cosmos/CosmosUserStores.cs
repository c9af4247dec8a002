using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// User profiles (conversation reference, time zone, hours, manager), one partition per tenant: finding a manager
/// by name or email, or a manager's team, is a single-partition read. Digests due are found through the schedule.
/// </summary>
public sealed class CosmosUserProfileStore : IUserProfileStore
{
    private readonly CosmosAccount _account;
    private readonly CosmosRequestCharges _charges;
    private readonly CosmosSchedule _schedule;

    public CosmosUserProfileStore(CosmosAccount account, CosmosRequestCharges charges, TimeProvider time, ILogger<CosmosUserProfileStore> logger)
    {
        _account = account;
        _charges = charges;
        _schedule = new CosmosSchedule(account, charges, time, logger);
    }

    private Container Users => _account.Users;

    public async Task<UserProfile?> GetAsync(OwnerKey user, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(user.TenantId, CosmosKeys.UserId(user), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UserProfile>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var documents = await CosmosItems.QueryAsync<UserDocument>(
            Users,
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @tenant").WithParameter("@tenant", tenantId),
            new QueryRequestOptions { PartitionKey = new PartitionKey(tenantId) },
            "list",
            _charges,
            cancellationToken).ConfigureAwait(false);
        return documents.Select(u => u.Profile with { ETag = u.ETag }).ToList();
    }

    public Task<IReadOnlyList<UserProfile>> ListDigestsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListDueAsync(ScheduleKind.Digest, p => p.NextDigestAt, now, limit, cancellationToken);

    public Task<IReadOnlyList<UserProfile>> ListSummariesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListDueAsync(ScheduleKind.Summary, p => p.NextSummaryAt, now, limit, cancellationToken);

    /// <summary>Profiles whose schedule entry of <paramref name="kind"/> has come, each checked against its own due instant.</summary>
    private async Task<IReadOnlyList<UserProfile>> ListDueAsync(
        ScheduleKind kind, Func<UserProfile, DateTimeOffset?> dueOf, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entries = await _schedule.ListDueAsync(kind, now, limit, cancellationToken).ConfigureAwait(false);
        return await _schedule.CheckAsync(
            entries,
            now,
            async (entry, ct) =>
            {
                var profile = await ReadAsync(entry.TargetPk, entry.TargetId, ct).ConfigureAwait(false);
                return (profile, profile is null ? null : dueOf(profile));
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosKeys.UserId(profile.Key);
        if (profile.NextDigestAt is { } due)
        {
            // Before the profile and only ever earlier, as with deals: an entry may be early, never missing or late.
            await _schedule.LowerAsync(ScheduleKind.Digest, profile.TenantId, id, due, cancellationToken).ConfigureAwait(false);
        }

        if (profile.NextSummaryAt is { } summaryDue)
        {
            await _schedule.LowerAsync(ScheduleKind.Summary, profile.TenantId, id, summaryDue, cancellationToken).ConfigureAwait(false);
        }

        var document = new UserDocument { Id = id, TenantId = profile.TenantId, Profile = profile with { ETag = null } };
        return await CosmosItems.WriteAsync(Users, document, id, profile.TenantId, expectedETag, _charges, cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<UserProfile?> ReadAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        await CosmosItems.ReadAsync<UserDocument>(Users, id, tenantId, _charges, cancellationToken).ConfigureAwait(false) is var (document, etag)
            ? document.Profile with { ETag = etag }
            : null;
}

/// <summary>/healthz for Cosmos DB: the account answers and every container the store uses is there.</summary>
public sealed class CosmosStoreHealth(CosmosAccount account) : IStoreHealth
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            // Every container the store uses: a misspelt or deleted one must show here, not as "no such deal".
            foreach (var container in new[] { account.Deals, account.Users, account.Schedule })
            {
                using var response = await container.ReadContainerStreamAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }
            }

            return true;
        }
        catch (CosmosException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (AuthenticationFailedException)
        {
            return false;
        }
    }
}
