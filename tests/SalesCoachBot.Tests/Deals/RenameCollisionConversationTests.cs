using Newtonsoft.Json.Linq;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Bot;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Deals;

/// <summary>
/// Issue 12, point 2: a rename onto a name another open deal answers to asks first, on a card with [Rename anyway], [Keep the
/// name] and a box for another name; its buttons count once and refuse an out-of-date card. Over HTTP on the embedded
/// store; <see cref="CosmosRenameCollisionConversationTests"/> on Cosmos DB.
/// </summary>
public class RenameCollisionConversationTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private BotApp _app = null!;

    protected virtual BotApp CreateApp() => new();

    public Task InitializeAsync()
    {
        _app = CreateApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> SayAsync(string text) =>
        string.Join("\n", (await _app.SayAsync(Dana, text)).Select(r => r.Attachments is { Count: > 0 } ? string.Join("\n", r.Attachments.Select(a => Text(CardOf(a)))) : r.Text));

    /// <summary>"new deal Fabrikam 10k" and "new deal Fabrikam Retail 20k", then "rename fabrikam to Fabrikam Retail": the card that asks.</summary>
    private async Task<JObject> AskToRenameOntoAnOpenNameAsync()
    {
        await SayAsync("new deal Fabrikam 10k");
        await SayAsync("new deal Fabrikam Retail 20k");
        // A minute on, so "undo" finds the rename newer than the deals' creation (the fake clock does not move by itself).
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        return SingleCard(await _app.SayAsync(Dana, "rename fabrikam to Fabrikam Retail"));
    }

    /// <summary>Clicks a button, with what was typed in the card's box, and returns the card that replaces the clicked one.</summary>
    private async Task<JObject> ClickAsync(JObject card, string verb, string? otherName = null, string? activityId = null)
    {
        var (_, _, data) = Assert.Single(Actions(card), a => a.Verb == verb);
        var sent = (JObject)data.DeepClone();
        if (otherName is not null)
        {
            sent["otherName"] = otherName;
        }

        var (status, body) = await _app.ClickAsync(Dana, verb, sent, activityId);
        Assert.Equal(200, status);
        return (JObject)body!["value"]!;
    }

    private async Task<string> NamesAsync() => await SayAsync("my deals");

    [Fact]
    public async Task A_rename_onto_an_open_deals_name_asks_first_and_shows_both_deals()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();

        AssertSays(Text(ask), "Rename Fabrikam to \"Fabrikam Retail\"?", "Renaming: Fabrikam · Prospect · $10,000", "Already open: Fabrikam Retail · Prospect · $20,000");
        Assert.Equal(["Use this name", "Rename anyway", "Keep the name \"Fabrikam\""], Actions(ask).Select(a => a.Title));
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");
        AssertSays(await NamesAsync(), "2 open deals");
    }

    [Fact]
    public async Task A_near_twin_name_asks_as_a_new_deal_of_that_name_would()
    {
        await SayAsync("new deal Woodgrove Bank rollout 50k");
        await SayAsync("new deal Contoso 10k");

        var ask = SingleCard(await _app.SayAsync(Dana, "rename contoso to Woodgrove"));

        AssertSays(Text(ask), "You already have an open deal called Woodgrove Bank rollout", "Already open: Woodgrove Bank rollout · Prospect · $50,000");
        AssertSays(await SayAsync("show contoso"), "Contoso", "Amount: $10,000");
    }

    [Fact]
    public async Task Rename_anyway_renames_then_which_one_tells_the_two_apart_and_undo_puts_the_name_back()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();

        var renamed = Text(await ClickAsync(ask, "renameAnyway"));

        AssertSays(renamed, "Renamed Fabrikam to Fabrikam Retail.", "I'll ask which one");
        var which = SingleCard(await _app.SayAsync(Dana, "show fabrikam retail"));
        var titles = Actions(which).Where(a => a.Verb == "pickDeal").Select(a => a.Title).ToList();
        Assert.Equal(2, titles.Distinct().Count());
        Assert.Contains(titles, t => t!.Contains("$10,000", StringComparison.Ordinal));

        AssertSays(await SayAsync("undo"), "its name is Fabrikam again (not Fabrikam Retail)");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");
    }

    [Fact]
    public async Task Rename_anyway_clicked_twice_or_retried_by_teams_renames_once()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();
        await ClickAsync(ask, "renameAnyway", activityId: "invoke-rename-1");

        var retried = await _app.ClickAsync(Dana, "renameAnyway", Assert.Single(Actions(ask), a => a.Verb == "renameAnyway").Data, "invoke-rename-1");
        var again = Text(await ClickAsync(ask, "renameAnyway"));

        Assert.Equal(200, retried.Status);
        AssertSays(again, "Already done");
        // One rename, so one undo puts the name back.
        AssertSays(await SayAsync("undo"), "its name is Fabrikam again (not Fabrikam Retail)");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");
        AssertSays(await SayAsync("show fabrikam retail"), "Amount: $20,000");
    }

    [Fact]
    public async Task Keep_the_name_changes_nothing_and_says_so()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();

        var kept = Text(await ClickAsync(ask, "keepName"));

        AssertSays(kept, "Kept the name Fabrikam; nothing was renamed.");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");
        AssertSays(await SayAsync("show fabrikam retail"), "Amount: $20,000");
    }

    [Fact]
    public async Task Keep_the_name_after_rename_anyway_says_the_card_is_out_of_date_not_that_a_name_was_kept()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();
        AssertSays(Text(await ClickAsync(ask, "renameAnyway")), "Renamed Fabrikam to");

        var kept = Text(await ClickAsync(ask, "keepName"));

        AssertSays(kept, "That card is out of date: the deal is called Fabrikam Retail now");
        Assert.DoesNotContain("Kept the name", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_name_typed_on_the_card_renames_the_deal_to_it()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();

        var renamed = Text(await ClickAsync(ask, "renameToOther", "Fabrikam Online"));

        AssertSays(renamed, "Renamed Fabrikam to Fabrikam Online.");
        AssertSays(await SayAsync("show fabrikam online"), "Amount: $10,000");
        AssertSays(await SayAsync("show fabrikam retail"), "Amount: $20,000");
    }

    [Fact]
    public async Task A_blank_or_again_colliding_other_name_changes_nothing_and_the_card_asks_again()
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();

        var blank = await ClickAsync(ask, "renameToOther", "   ");
        AssertSays(Text(blank), "Type the other name in the box first; nothing was renamed.");
        var colliding = await ClickAsync(blank, "renameToOther", "fabrikam retail");
        AssertSays(Text(colliding), "You also have an open deal called Fabrikam Retail", "Nothing was renamed");
        var tooLong = await ClickAsync(colliding, "renameToOther", new string('W', 130));
        AssertSays(Text(tooLong), "That name is 130 characters long; keep a deal name under 120.");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");

        // The card that came back counts a new click.
        AssertSays(Text(await ClickAsync(tooLong, "renameToOther", "Fabrikam Online")), "Renamed Fabrikam to Fabrikam Online.");
    }

    [Theory]
    [InlineData("rename fabrikam to Fabrikam East", "the deal is called Fabrikam East now")]
    [InlineData("fabrikam won", "Fabrikam is closed (won) now")]
    [InlineData("delete fabrikam", "That deal is no longer in your pipeline")]
    public async Task A_click_on_a_card_the_deal_has_moved_on_from_changes_nothing(string meanwhile, string answer)
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();
        if (meanwhile == "delete fabrikam")
        {
            var confirm = SingleCard(await _app.SayAsync(Dana, "delete fabrikam"));
            var delete = Assert.Single(Actions(confirm), a => a.Verb == "deleteDeal");
            await _app.ClickAsync(Dana, delete.Verb, delete.Data);
        }
        else
        {
            await SayAsync(meanwhile);
        }

        var anyway = Text(await ClickAsync(ask, "renameAnyway"));
        var other = Text(await ClickAsync(ask, "renameToOther", "Fabrikam Online"));

        AssertSays(anyway, answer, "nothing was renamed");
        AssertSays(other, answer, "nothing was renamed");
        Assert.DoesNotContain("Fabrikam Online", await SayAsync("my deals"), StringComparison.Ordinal);
        AssertSays(await SayAsync("show fabrikam retail"), "Amount: $20,000");
    }

    [Fact]
    public async Task Renaming_to_its_own_name_or_to_a_closed_deals_name_asks_nothing()
    {
        await SayAsync("new deal Fabrikam 10k");
        await SayAsync("new deal Litware 5k");
        await SayAsync("litware won");

        AssertSays(await SayAsync("rename fabrikam to Fabrikam"), "Fabrikam already has that name.");
        AssertSays(await SayAsync("rename fabrikam to Litware"), "Renamed Fabrikam to Litware.");

        // A command about open deals finds the open one; one that looks at closed deals too asks which.
        AssertSays(await SayAsync("move litware to qualify"), "Moved Litware to Qualify.");
        AssertSays(await SayAsync("show litware"), "More than one deal matches");
    }

    [Theory]
    [InlineData(130)]
    [InlineData(121)]
    public async Task A_name_too_long_gets_the_answer_a_new_deal_gets_and_changes_nothing(int length)
    {
        await SayAsync("new deal Fabrikam 10k");
        var name = new string('W', length);

        var renamed = await SayAsync($"rename fabrikam to {name}");

        Assert.Equal(await SayAsync($"new deal {name}"), renamed);
        AssertSays(renamed, $"That name is {length} characters long");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");
    }

    [Theory]
    [InlineData("Undo Labs")]
    [InlineData("undo")]
    public async Task A_name_with_undo_in_it_is_refused_as_for_a_new_deal_and_undoes_nothing(string name)
    {
        await SayAsync("new deal Fabrikam 10k");
        await SayAsync("fabrikam amount 12k");

        var renamed = await SayAsync($"rename fabrikam to {name}");

        Assert.Equal(await SayAsync($"new deal {name}"), renamed);
        AssertSays(renamed, $"A deal can't be called \"{name}\"", "Give it another name.");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $12,000");
        AssertSays(await SayAsync("my deals"), "1 open deal");
    }

    [Theory]
    [InlineData("!!!", "A deal needs a name")]
    [InlineData("Undo Labs", "A deal can't be called \"Undo Labs\"")]
    public async Task A_name_no_deal_may_have_typed_on_the_card_changes_nothing(string name, string answer)
    {
        var ask = await AskToRenameOntoAnOpenNameAsync();

        var refused = Text(await ClickAsync(ask, "renameToOther", name));

        AssertSays(refused, answer, "Nothing was renamed");
        AssertSays(await SayAsync("show fabrikam"), "Amount: $10,000");
    }
}

/// <summary>The rename card's conversations with the bot keeping everything in Cosmos DB.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosRenameCollisionConversationTests(CosmosServerFixture cosmos) : RenameCollisionConversationTests
{
    protected override BotApp CreateApp() => new(settings: BotApp.CosmosSettings(cosmos.Server));
}
