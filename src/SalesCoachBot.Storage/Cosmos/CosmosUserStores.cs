using System.Net;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
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

    public CosmosUserProfileStore(CosmosAccount account, CosmosRequestCharges charges)
    {
        _account = account;
        _charges = charges;
        _schedule = new CosmosSchedule(account, charges);
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
        var managers = await Task.WhenAll(entries.Select(async entry =>
        {
            var profile = await ReadAsync(entry.TargetPk, entry.TargetId, cancellationToken).ConfigureAwait(false);
            if (profile?.NextDigestAt is { } due && due <= now)
            {
                return profile;
            }

            await _schedule.RepairAsync(entry, profile?.NextDigestAt, cancellationToken).ConfigureAwait(false);
            return null;
        })).ConfigureAwait(false);

        return managers.OfType<UserProfile>().OrderBy(m => m.NextDigestAt).ToList();
    }

    public async Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosKeys.UserId(profile.Key);
        if (profile.NextDigestAt is { } due)
        {
            // Before the profile, as with deals: an entry may be early, never missing.
            await _schedule.SetAsync(ScheduleKind.Digest, profile.TenantId, id, due, cancellationToken).ConfigureAwait(false);
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
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            _charges.Record(Users.Id, "conflict", e.RequestCharge);
            if (await ReadAsync(profile.TenantId, id, cancellationToken).ConfigureAwait(false) is { NextDigestAt: { } stored })
            {
                await _schedule.SetAsync(ScheduleKind.Digest, profile.TenantId, id, stored, cancellationToken).ConfigureAwait(false);
            }

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
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
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
        using var response = await account.Activities.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        charges.Record(account.Activities.Id, "read", response.Headers.RequestCharge);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
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
            using var response = await account.Client.GetDatabase(account.Deals.Database.Id).ReadStreamAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
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
