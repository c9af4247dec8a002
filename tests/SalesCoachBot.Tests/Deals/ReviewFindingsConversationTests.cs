using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Deals;

/// <summary>
/// Issue 12/13's independent review, in chat over HTTP: what a rep and their manager saw go wrong with money, quotas,
/// reminders, reopening and customer types, each as the conversation that showed it.
/// </summary>
public sealed class ReviewFindingsConversationTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;

    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_amount_said_without_a_currency_keeps_the_deals_currency()
    {
        await _app.SayAsync(Dana, "new deal Fourth Coffee $33k");

        AssertSays(await _app.CardTextAsync(Dana, "fourth coffee 40k"), "Fourth Coffee is now $40,000.");
        AssertSays(await _app.CardTextAsync(Dana, "that deal is worth 250k"), "$250,000");
        var pipeline = await _app.CardTextAsync(Dana, "my deals");
        AssertSays(pipeline, "$250,000");
        Assert.DoesNotContain(" + ", pipeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_deal_without_a_currency_takes_the_one_all_the_reps_deals_share()
    {
        await _app.SayAsync(Dana, "new deal Fourth Coffee $33k");
        await _app.SayAsync(Dana, "new deal Contoso Ltd $45k");

        AssertSays(await _app.CardTextAsync(Dana, "new deal Fabrikam 40k"), "Amount: $40,000");

        // Once the rep's deals are in two currencies, an amount without one stays without one.
        await _app.SayAsync(Dana, "new deal Tailspin €20k");
        var mixed = await _app.CardTextAsync(Dana, "new deal Northwind 10k");
        AssertSays(mixed, "Amount: 10,000");
        Assert.DoesNotContain("$10,000", mixed, StringComparison.Ordinal);
        Assert.DoesNotContain("€10,000", mixed, StringComparison.Ordinal);
    }
}
