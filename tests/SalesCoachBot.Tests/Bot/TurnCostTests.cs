using Newtonsoft.Json.Linq;
using SalesCoachBot.Conversation;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// What one turn costs the store (a change: two reads and one write; a question: two reads, no write), and that a Teams
/// retry costs nothing twice: of concurrent copies of an activity one is applied and answered, a copy arriving later is
/// neither, and a message that tells nothing new about the user does not rewrite their profile. Over HTTP on the embedded store; <see cref="CosmosTurnCostTests"/> on Cosmos DB.
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
    public async Task Five_concurrent_copies_of_one_change_apply_it_once_and_answer_once()
    {
        await SetUpAsync();
        var copy = _app.Message(Dana, "called contoso about pricing");
        _counts.Reset();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _app.PostAsync(copy)));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.Single(_app.Connector.RepliesTo(copy.Id));
        Assert.Equal(1, _counts.DealWrites);
    }

    [Fact]
    public async Task Five_concurrent_copies_of_one_card_click_apply_it_once_and_answer_once()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");
        var ask = CardReader.SingleCard(await _app.SayAsync(Dana, "contoso amount 50k"));
        var pharma = Assert.Single(CardReader.Actions(ask), a => a.Title!.StartsWith("Contoso Pharma", StringComparison.Ordinal));
        var id = _app.NextActivityId();
        _counts.Reset();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _app.ClickAsync(Dana, pharma.Verb, pharma.Data, id)));

        Assert.All(clicks, c => Assert.Equal(200, c.Status));
        var cards = clicks.Where(c => c.Body?["type"]?.ToString() == "application/vnd.microsoft.card.adaptive").ToList();
        Assert.Contains("Contoso Pharma is now $50,000.", CardReader.Text((JObject)Assert.Single(cards).Body!["value"]!), StringComparison.Ordinal);
        Assert.All(clicks.Except(cards), c => Assert.Equal("application/vnd.microsoft.activity.message", c.Body!["type"]!.ToString()));
        Assert.Equal(1, _counts.DealWrites);
    }

    [Fact]
    public async Task A_second_choice_on_a_which_deal_card_reaching_the_bot_later_changes_nothing()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");
        var ask = CardReader.SingleCard(await _app.SayAsync(Dana, "contoso amount 50k"));
        var ltd = Assert.Single(CardReader.Actions(ask), a => a.Title!.StartsWith("Contoso Ltd", StringComparison.Ordinal));
        var pharma = Assert.Single(CardReader.Actions(ask), a => a.Title!.StartsWith("Contoso Pharma", StringComparison.Ordinal));
        await _app.ClickAsync(Dana, ltd.Verb, ltd.Data);

        // Past what this instance remembers of the click: only the key the first choice left on its deal stops the second.
        _app.Time.Advance(RecentActivities.Window + TimeSpan.FromMinutes(1));
        _counts.Reset();
        var (status, second) = await _app.ClickAsync(Dana, pharma.Verb, pharma.Data);

        Assert.Equal(200, status);
        Assert.Contains("Already done", CardReader.Text((JObject)second!["value"]!), StringComparison.Ordinal);
        Assert.Equal(0, _counts.DealWrites);
    }

    [Theory]
    [InlineData("called contoso about pricing")]
    [InlineData("contoso amount 60k")]
    [InlineData("new deal Tailspin 10k")]
    public async Task A_retry_reaching_the_bot_after_the_first_copy_was_answered_changes_nothing_and_says_nothing(string text)
    {
        await SetUpAsync();
        var message = _app.Message(Dana, text);
        await _app.PostAsync(message);
        Assert.Single(_app.Connector.RepliesTo(message.Id));

        // Past what this instance remembers by itself: as if the retry reached another instance, or this one restarted.
        _app.Time.Advance(RecentActivities.Window + TimeSpan.FromMinutes(1));
        _counts.Reset();
        var (status, _) = await _app.PostAsync(message);

        Assert.Equal(200, status);
        Assert.Equal(0, _counts.DealWrites);
        Assert.Single(_app.Connector.RepliesTo(message.Id));
    }

    /// <summary>A change reads the profile once (at the edge) and the rep's deals once (to find the deal), and writes only the deal.</summary>
    [Theory]
    [InlineData("contoso amount 60k")]
    [InlineData("next step for contoso: send pricing by friday")]
    [InlineData("called contoso about pricing")]
    [InlineData("move contoso to qualify")]
    [InlineData("new deal Tailspin 10k")]
    [InlineData("fabrikam amount 25k")]
    public async Task A_change_costs_at_most_two_reads_and_one_write(string text)
    {
        await SetUpAsync();
        _counts.Reset();

        await _app.SayAsync(Dana, text);

        Assert.True(_counts.Reads <= 2, $"\"{text}\": {_counts}");
        Assert.Equal(1, _counts.Writes);
        Assert.Equal(1, _counts.DealWrites);
    }

    /// <summary>A question about the deal "it" already means, or the pipeline, reads twice and writes nothing.</summary>
    [Theory]
    [InlineData("my deals")]
    [InlineData("show contoso")]
    [InlineData("what now for contoso")]
    [InlineData("how's contoso")]
    public async Task A_view_costs_at_most_two_reads_and_no_write(string text)
    {
        await SetUpAsync();
        _counts.Reset();

        await _app.SayAsync(Dana, text);

        Assert.True(_counts.Reads <= 2, $"\"{text}\": {_counts}");
        Assert.Equal(0, _counts.Writes);
    }

    [Fact]
    public async Task Looking_at_another_deal_writes_it_once_and_it_then_means_that_deal()
    {
        await SetUpAsync();
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        _counts.Reset();

        await _app.SayAsync(Dana, "show fabrikam");
        var firstLook = _counts.Writes;
        await _app.SayAsync(Dana, "show fabrikam");

        Assert.Equal(1, firstLook);
        Assert.Equal(1, _counts.Writes);
        Assert.Contains("Moved Fabrikam to Qualify.", TextOf(await _app.SayAsync(Dana, "move it to qualify")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_makes_its_deal_what_it_means_without_writing_the_profile()
    {
        await SetUpAsync();
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        _counts.Reset();

        await _app.SayAsync(Dana, "northwind amount 15k");

        Assert.Equal(0, _counts.ProfileWrites);
        Assert.Contains("Moved Northwind to Qualify.", TextOf(await _app.SayAsync(Dana, "move it to qualify")), StringComparison.Ordinal);
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

    /// <summary>A rep with a few deals who has talked to the bot before, and last looked at Contoso (what "it" means now).</summary>
    private async Task SetUpAsync()
    {
        foreach (var text in new[] { "new deal Contoso Ltd 45k", "new deal Fabrikam 20k", "new deal Northwind 12k", "show contoso" })
        {
            // A minute apart, as a person types: which deal was changed or looked at last is then never a tie.
            _app.Time.Advance(TimeSpan.FromMinutes(1));
            await _app.SayAsync(Dana, text);
        }
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
