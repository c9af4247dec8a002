using SalesCoachBot.Testing;

namespace SalesCoachBot.Storage.Tests.Cosmos;

/// <summary>One Cosmos test server for every Cosmos test class of this assembly; each class uses its own database.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerGroup : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos DB test server";
}

public sealed class CosmosServerFixture : IAsyncLifetime
{
    public CosmosTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CosmosTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
