using Microsoft.Bot.Schema;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// Chat-first: what a rep reports is applied in that turn, "it" is the deal just dealt with, mistakes can be fixed, and a
/// question is never turned into a deal. Over HTTP on the embedded store; <see cref="CosmosChatFirstTests"/> on Cosmos DB.
/// </summary>
public class ChatFirstTests : IAsyncLifetime
{
    private BotApp _app = null!;
    private static readonly TestUser Dana = TestUser.Dana;

    protected virtual BotApp CreateApp() => new();

    public Task InitializeAsync()
    {
        _app = CreateApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Everything the bot answered, cards and plain text alike.</summary>
    private async Task<string> SayAsync(string text)
    {
        var replies = await _app.SayAsync(Dana, text);
        return string.Join("\n", replies.Select(r => r.Attachments is { Count: > 0 } ? string.Join("\n", r.Attachments.Select(a => Text(CardOf(a)))) : r.Text));
    }

    private static Newtonsoft.Json.Linq.JObject CardOf(Attachment attachment) => Newtonsoft.Json.Linq.JObject.FromObject(attachment.Content);

    [Fact]
    public async Task Won_said_in_an_early_stage_closes_the_deal_at_once()
    {
        await SayAsync("new deal Contoso Ltd 45k");

        var won = await SayAsync("contoso won");

        Assert.Contains("Congratulations! Contoso Ltd is won.", won, StringComparison.Ordinal);
        Assert.Contains("Stage: Closed Won", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_means_the_deal_just_dealt_with_and_the_reply_names_it()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await SayAsync("new deal Fabrikam 20k");
        await SayAsync("show contoso");

        var moved = await SayAsync("move it to qualify");

        Assert.Contains("Moved Contoso Ltd to Qualify.", moved, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAsync("show fabrikam"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_with_no_recent_deal_asks_which_one_instead_of_guessing()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        _app.Time.Advance(TimeSpan.FromHours(3));

        var asked = await SayAsync("move it to qualify");

        Assert.Contains("Which deal do you mean?", asked, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_won_deal_said_by_mistake_can_be_reopened()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await SayAsync("contoso won");

        var reopened = await SayAsync("reopen contoso");

        Assert.Contains("Reopened Contoso Ltd, back in Prospect.", reopened, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deal_is_renamed_and_found_by_its_new_name()
    {
        await SayAsync("new deal Contoso 45k");

        await SayAsync("rename contoso to Northwind Traders");

        Assert.Contains("Northwind Traders", await SayAsync("show northwind"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deal_moves_to_another_selling_model_keeping_its_place_in_the_stages()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await SayAsync("move contoso to qualify");

        var changed = await SayAsync("contoso is enterprise");

        Assert.Contains("Contoso Ltd now follows the Enterprise process, in Qualify.", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_type_is_recorded_and_a_model_that_does_not_fit_is_pointed_out()
    {
        await SayAsync("new enterprise deal Tailspin Toys 20k");

        var typed = await SayAsync("tailspin is a small business");

        Assert.Contains("Tailspin Toys is a Small business customer.", typed, StringComparison.Ordinal);
        Assert.Contains("usually follow the", typed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_is_logged_on_the_deal_with_its_note()
    {
        await SayAsync("new deal Contoso Ltd 45k");

        var logged = await SayAsync("log a call with contoso: they want a discount");

        Assert.Contains("Logged a call with Contoso Ltd on Wed 25 Nov 2026: they want a discount", logged, StringComparison.Ordinal);
        Assert.Contains("Call: they want a discount", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_fields_in_one_message_are_all_applied()
    {
        await SayAsync("new deal Fabrikam 20k");

        var updated = await SayAsync("fabrikam: 30k, closes march 3");

        Assert.Contains("Fabrikam: amount 30,000", updated, StringComparison.Ordinal);
        var shown = await SayAsync("show fabrikam");
        Assert.Contains("Expected close: Wed 3 Mar 2027", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_close_date_is_pushed_out()
    {
        await SayAsync("new deal Fabrikam 20k closing dec 15");

        var pushed = await SayAsync("push fabrikam out two weeks");

        Assert.Contains("Fabrikam is now expected to close on Tue 29 Dec 2026 (was Tue 15 Dec 2026).", pushed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_me_sets_a_reminder_and_does_not_snooze()
    {
        await SayAsync("new deal Tailspin Toys 20k");

        var reminded = await SayAsync("remind me about tailspin tomorrow");

        Assert.Contains("I'll remind you about Tailspin Toys on Thu 26 Nov 2026", reminded, StringComparison.Ordinal);
        Assert.DoesNotContain("Snoozed", reminded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_deals_of_one_name_get_which_one_buttons_that_differ()
    {
        await SayAsync("new deal Contoso Pharma 10k");
        await SayAsync("new deal Contoso Pharma 20k");

        var ask = SingleCard(await _app.SayAsync(Dana, "show contoso pharma"));

        var titles = Actions(ask).Where(a => a.Verb == "pickDeal").Select(a => a.Title).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Equal(2, titles.Distinct().Count());
        Assert.Contains(titles, t => t!.Contains("20,000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("show the team pipeline", "You don't manage anyone yet")]
    [InlineData("how is Dana doing?", "You don't manage anyone yet")]
    [InlineData("what's my forecast this quarter", "Your forecast")]
    public async Task A_question_is_answered_honestly_and_never_becomes_a_deal(string question, string answer)
    {
        var reply = await SayAsync(question);

        Assert.Contains(answer, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Create", reply, StringComparison.Ordinal);
        Assert.Contains("no open deals", await SayAsync("my deals"), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The chat-first conversations with the bot keeping everything in Cosmos DB.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosChatFirstTests(CosmosServerFixture cosmos) : ChatFirstTests
{
    protected override BotApp CreateApp() => new(settings: BotApp.CosmosSettings(cosmos.Server));
}
