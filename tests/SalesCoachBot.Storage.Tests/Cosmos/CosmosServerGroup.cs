using SalesCoachBot.Testing;

namespace SalesCoachBot.Storage.Tests.Cosmos;

/// <summary>One Cosmos test server for every Cosmos test class of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerGroup : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos DB test server";
}
