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

/// <summary>The host on Cosmos DB: health, and a deal that outlives the instance that wrote it.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosHostTests(CosmosServerFixture cosmos)
{
    [Fact]
    public async Task Healthz_reports_the_cosmos_store_healthy()
    {
        await using var app = new BotApp(settings: BotApp.CosmosSettings(cosmos.Server));

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"store\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deal_made_on_one_instance_is_shown_by_another()
    {
        var settings = BotApp.CosmosSettings(cosmos.Server);
        await using var first = new BotApp(settings: settings);
        await using var second = new BotApp(settings: settings);

        await first.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        var shown = CardReader.Text(CardReader.SingleCard(await second.SayAsync(TestUser.Dana, "show contoso")));

        Assert.Contains("Contoso Ltd", shown, StringComparison.Ordinal);
        Assert.Contains("45,000", shown, StringComparison.Ordinal);
    }
}
