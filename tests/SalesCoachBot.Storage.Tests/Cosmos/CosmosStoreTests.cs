using SalesCoachBot.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage.Tests.Contract;

namespace SalesCoachBot.Storage.Tests.Cosmos;

[Collection(CosmosServerGroup.Name)]
public sealed class CosmosStoreTests(CosmosServerFixture server) : StoreContractTests
{
    private CosmosStores _stores = null!;

    protected override IDealStore Deals => _stores.Deals;

    protected override IUserProfileStore Users => _stores.Users;

    public override Task InitializeAsync()
    {
        _stores = new CosmosStores(server.Server, CosmosServerFixture.NewDatabaseName());
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync() => await _stores.DisposeAsync();
}
