using SalesCoachBot.Testing;
using SalesCoachBot.Storage.Tests.Reminders;

namespace SalesCoachBot.Storage.Tests.Cosmos;

/// <summary>The reminder sweep suite on Cosmos DB: each instance is its own CosmosClient over the test's database.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosReminderSweepTests(CosmosServerFixture server) : ReminderSweepTests
{
    private readonly string _database = CosmosServerFixture.NewDatabaseName();
    private readonly List<CosmosStores> _instances = [];

    protected override StoreInstance Open()
    {
        var stores = new CosmosStores(server.Server, _database, time: Time);
        _instances.Add(stores);
        return new StoreInstance(stores.Deals, stores.Schedule, stores.Users);
    }

    public override async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }
}
