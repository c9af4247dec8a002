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
    private static readonly TestUser Morgan = new("aad-morgan", "Morgan Lee");

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
        await _app.SayAsync(Dana, "new deal Fourth Coffee €33k");
        await _app.SayAsync(Dana, "new deal Contoso Ltd €45k");

        AssertSays(await _app.CardTextAsync(Dana, "new deal Fabrikam 40k"), "Amount: €40,000");

        // Once the rep's deals are in two currencies, an amount without one is in the company's (the process file's USD).
        await _app.SayAsync(Dana, "new deal Tailspin $20k");
        var mixed = await _app.CardTextAsync(Dana, "new deal Northwind 10k");
        AssertSays(mixed, "Amount: $10,000");
        Assert.DoesNotContain("€10,000", mixed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_reps_first_deal_and_quota_said_without_a_currency_are_in_the_companys()
    {
        AssertSays(await _app.CardTextAsync(Dana, "new deal Contoso Ltd 45k"), "Amount: $45,000");
        await _app.SayAsync(Dana, "my quota is 90k");

        AssertSays(await _app.TextReplyAsync(Dana, "what's my quota"), "Your quota is $90,000 a quarter");
        var forecast = await _app.CardTextAsync(Dana, "my forecast");
        Assert.DoesNotContain("per currency", forecast, StringComparison.Ordinal);
    }

    private async Task MorganManagesDanaAsync()
    {
        await _app.SayAsync(Morgan, "hi");
        AssertSays(await _app.TextReplyAsync(Dana, "my manager is Morgan Lee"), "Morgan Lee is your manager");
    }

    [Fact]
    public async Task A_quota_said_without_a_currency_takes_the_reps_and_counts_their_wins()
    {
        await _app.SayAsync(Dana, "new deal Fourth Coffee $33k");
        await _app.SayAsync(Dana, "fourth coffee won");

        AssertSays(await _app.TextReplyAsync(Dana, "my quota is 90k"), "Your quota is $90,000 a quarter");
        AssertSays(await _app.CardTextAsync(Dana, "my forecast"), "$90,000", "37%");
    }

    [Fact]
    public async Task A_rep_cannot_overwrite_the_quota_their_manager_set_and_is_told_who_set_it()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd $45k");
        await MorganManagesDanaAsync();

        AssertSays(await _app.TextReplyAsync(Morgan, "Dana's quota is 300k this quarter"), "quota is $300,000 a quarter");
        AssertSays(await _app.TextReplyAsync(Dana, "my quota is 10k"), "Your quota of $300,000 a quarter was set by Morgan Lee, so only they can change it");
        AssertSays(await _app.TextReplyAsync(Dana, "what's my quota"), "Your quota is $300,000 a quarter, set by Morgan Lee (only Morgan Lee can change it)");
        AssertSays(await _app.TextReplyAsync(Morgan, "what's dana's quota"), "quota is $300,000 a quarter, set by you.", "won + commit is $0: 0% of it");
        AssertSays(await _app.TextReplyAsync(Morgan, "Dana's quota is 200k"), "quota is $200,000 a quarter");
    }

    [Fact]
    public async Task Asking_for_a_quota_that_is_not_set_says_how_to_set_one()
    {
        await MorganManagesDanaAsync();

        AssertSays(await _app.TextReplyAsync(Dana, "what's my quota"), "You have no quota set", "my quota is 300k");
        AssertSays(await _app.TextReplyAsync(Morgan, "what's dana's quota"), "has no quota set");
        await _app.SayAsync(Dana, "my quota is 90k");
        AssertSays(await _app.TextReplyAsync(Dana, "what's my quota"), "Your quota is $90,000 a quarter, set by you.");
    }

    [Fact]
    public async Task Reopening_a_won_deal_brings_back_its_next_step_not_the_won_follow_up()
    {
        await _app.SayAsync(Dana, "new deal Munsons Pickles $20k");
        await _app.SayAsync(Dana, "next step for munsons: send the calendar invite by friday");
        await _app.SayAsync(Dana, "munsons pickles won");

        AssertSays(await _app.CardTextAsync(Dana, "reopen munsons"), "Reopened Munsons Pickles");
        var reopened = await _app.CardTextAsync(Dana, "show munsons");
        AssertSays(reopened, "Next step", "send the calendar invite");
        Assert.DoesNotContain("check-in", reopened, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_customer_type_shows_on_the_deal_and_reads_as_english()
    {
        await _app.SayAsync(Dana, "new deal Proseware $20k");
        await _app.SayAsync(Dana, "new deal Litware Inc $30k");

        AssertSays(await _app.CardTextAsync(Dana, "proseware is a small business"), "Proseware is a small business customer.");
        var expansion = await _app.CardTextAsync(Dana, "litware inc is an existing customer");
        AssertSays(expansion, "Litware Inc is an existing customer (expansion).");
        Assert.DoesNotContain("customer) customer", expansion, StringComparison.Ordinal);
        var shown = Assert.Single(await _app.SayAsync(Dana, "show proseware"));
        AssertSays(Text(SingleCard([shown])), "Customer type", "Small business");
        AssertSays(shown.Summary ?? string.Empty, "Small business");
    }

    [Fact]
    public async Task The_not_found_card_lists_open_deals_only()
    {
        await _app.SayAsync(Dana, "new deal Contoso Expansion $20k");
        await _app.SayAsync(Dana, "contoso expansion won");
        await _app.SayAsync(Dana, "new deal Fabrikam $30k");

        var card = await _app.CardTextAsync(Dana, "show northwind");
        AssertSays(card, "Your open deals: Fabrikam.");
        Assert.DoesNotContain("Contoso Expansion", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snooze_by_days_ends_at_the_start_of_the_working_day_as_a_snooze_till_a_day_does()
    {
        await _app.SayAsync(Dana, "new deal Bellows College $20k");

        // Wednesday 25 November, 10:00 in Berlin: three days on is Saturday, whose working day starts at 09:00 like Friday's.
        AssertSays(await _app.CardTextAsync(Dana, "snooze it 3 days"), "no reminders before Sat 28 Nov 09:00.");
        AssertSays(await _app.CardTextAsync(Dana, "snooze bellows till friday"), "no reminders before Fri 27 Nov 09:00.");
    }
}
