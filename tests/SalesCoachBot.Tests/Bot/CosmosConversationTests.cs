using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Bot;

/// <summary>One Cosmos test server for the host tests that run on Cosmos DB.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerGroup : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos DB test server";
}

/// <summary>Every conversation of <see cref="ConversationTests"/>, with the bot keeping everything in Cosmos DB.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosConversationTests(CosmosServerFixture cosmos) : ConversationTests
{
    protected override BotApp CreateApp() => new(settings: BotApp.CosmosSettings(cosmos.Server));
}
