using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// What one turn costs the store, and that a Teams retry costs nothing twice: of concurrent copies of an activity one
/// is answered, and a message that tells nothing new about the user does not rewrite their profile. Over HTTP on the embedded store; <see cref="CosmosTurnCostTests"/> on Cosmos DB.
/// </summary>
public class TurnCostTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly StoreCounts _counts = new();
    private BotApp _app = null!;

    protected virtual BotApp CreateApp(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services) => new() { TestServices = services };

    public Task InitializeAsync()
    {
        _app = CreateApp(_counts.Install);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_concurrent_copies_of_one_message_make_one_change_and_one_answer()
    {
        await _app.SayAsync(Dana, "hi");
        var copy = _app.Message(Dana, "new deal Contoso Ltd 45k");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _app.PostAsync(copy)));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Single(_app.Connector.RepliesTo(copy.Id));
        var deals = await _app.SayAsync(Dana, "my deals");
        Assert.Contains("Contoso Ltd", TextOf(deals), StringComparison.Ordinal);
        Assert.Equal(1, CountOf("Contoso Ltd", TextOf(deals)));
    }

    [Fact]
    public async Task A_message_that_changes_nothing_about_the_user_does_not_rewrite_their_profile()
    {
        await SetUpAsync();

        _counts.Reset();
        await _app.SayAsync(Dana, "hi");
        await _app.SayAsync(Dana, "my deals");

        Assert.Equal(0, _counts.ProfileWrites);
    }

    /// <summary>A rep with a few deals who has talked to the bot before.</summary>
    private async Task SetUpAsync()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Fabrikam 20k");
        await _app.SayAsync(Dana, "new deal Northwind 12k");
        await _app.SayAsync(Dana, "show fabrikam");
    }

    private static string TextOf(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies) => string.Join("\n", replies.Select(r =>
        r.Attachments is { Count: > 0 } ? string.Join("\n", r.Attachments.Select(a => CardReader.Text(Newtonsoft.Json.Linq.JObject.FromObject(a.Content)))) : r.Text));

    private static int CountOf(string part, string text)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary><see cref="TurnCostTests"/> with the bot keeping everything in Cosmos DB.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosTurnCostTests(CosmosServerFixture cosmos) : TurnCostTests
{
    protected override BotApp CreateApp(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services) =>
        new(settings: BotApp.CosmosSettings(cosmos.Server)) { TestServices = services };
}
