using System.Net;
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
        var users = new List<UserProfile>();
        using var iterator = Users.GetItemQueryIterator<UserDocument>(
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @tenant").WithParameter("@tenant", tenantId), requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(tenantId) });
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            _charges.Record(Users.Id, "list", page.RequestCharge);
            users.AddRange(page.Select(u => u.Profile with { ETag = u.ETag }));
        }

        return users;
    }

    public async Task<IReadOnlyList<UserProfile>> ListDigestsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entries = await _schedule.ListDueAsync(ScheduleKind.Digest, now, limit, cancellationToken).ConfigureAwait(false);
        return await _schedule.CheckAsync(
            entries,
            now,
            async (entry, ct) =>
            {
                var profile = await ReadAsync(entry.TargetPk, entry.TargetId, ct).ConfigureAwait(false);
                return (profile, profile?.NextDigestAt);
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

        var document = new UserDocument { Id = id, TenantId = profile.TenantId, Profile = profile with { ETag = null } };
        try
        {
            var response = expectedETag is null
                ? await Users.CreateItemAsync(document, new PartitionKey(profile.TenantId), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await Users.ReplaceItemAsync(document, id, new PartitionKey(profile.TenantId), new ItemRequestOptions { IfMatchEtag = expectedETag }, cancellationToken).ConfigureAwait(false);
            _charges.Record(Users.Id, expectedETag is null ? "create" : "replace", response.RequestCharge);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed || CosmosErrors.IsMissingItem(e))
        {
            _charges.Record(Users.Id, "conflict", e.RequestCharge);
            return false;
        }
    }

    private async Task<UserProfile?> ReadAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Users.ReadItemAsync<UserDocument>(id, new PartitionKey(tenantId), cancellationToken: cancellationToken).ConfigureAwait(false);
            _charges.Record(Users.Id, "read", response.RequestCharge);
            return response.Resource.Profile with { ETag = response.ETag };
        }
        catch (CosmosException e) when (CosmosErrors.IsMissingItem(e))
        {
            _charges.Record(Users.Id, "read", e.RequestCharge);
            return null;
        }
    }
}

/// <summary>Answered activity ids, one tiny document each, partitioned by id and expired by the container's time to live.</summary>
public sealed class CosmosProcessedActivityStore(CosmosAccount account, CosmosRequestCharges charges) : IProcessedActivityStore
{
    public async Task<bool> IsProcessedAsync(string tenantId, string activityId, CancellationToken cancellationToken)
    {
        await account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosKeys.ActivityId(tenantId, activityId);
        try
        {
            var response = await account.Activities.ReadItemAsync<ProcessedActivityDocument>(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            charges.Record(account.Activities.Id, "read", response.RequestCharge);
            return true;
        }
        catch (CosmosException e) when (CosmosErrors.IsMissingItem(e))
        {
            charges.Record(account.Activities.Id, "read", e.RequestCharge);
            return false;
        }
    }

    public async Task MarkProcessedAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosKeys.ActivityId(tenantId, activityId);
        var response = await account.Activities.UpsertItemAsync(
            new ProcessedActivityDocument { Id = id, TenantId = tenantId, ProcessedAt = at }, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        charges.Record(account.Activities.Id, "upsert", response.RequestCharge);
    }
}

/// <summary>/healthz for Cosmos DB: the account answers and the database is there.</summary>
public sealed class CosmosStoreHealth(CosmosAccount account) : IStoreHealth
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            // Every container the store uses: a misspelt or deleted one must show here, not as "no such deal".
            foreach (var container in new[] { account.Deals, account.Users, account.Schedule, account.Activities })
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
