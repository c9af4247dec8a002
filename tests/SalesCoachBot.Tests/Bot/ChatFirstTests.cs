using Microsoft.Extensions.DependencyInjection;
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

    private static (string? Title, string Verb, Newtonsoft.Json.Linq.JObject Data) Button(Newtonsoft.Json.Linq.JObject card, string verb) =>
        Assert.Single(Actions(card), a => a.Verb == verb);

    /// <summary>Clicks a button and returns the text of the card that replaces the clicked one.</summary>
    private async Task<string> ClickAsync(Newtonsoft.Json.Linq.JObject card, string verb, TestUser? user = null)
    {
        var button = Button(card, verb);
        var (status, body) = await _app.ClickAsync(user ?? Dana, button.Verb, button.Data);
        Assert.Equal(200, status);
        return Text((Newtonsoft.Json.Linq.JObject)body!["value"]!);
    }

    [Fact]
    public async Task Undo_puts_back_the_last_change_and_says_what_it_undid()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await SayAsync("move contoso to qualify");

        var undone = await SayAsync("undo");

        Assert.Contains("Undid your last change to Contoso Ltd: back in Prospect (not Qualify).", undone, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_said_again_walks_further_back_down_to_the_deals_creation()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await SayAsync("contoso amount 60k");
        await SayAsync("contoso won");

        Assert.Contains("it is no longer won, back in Prospect", await SayAsync("undo"), StringComparison.Ordinal);
        Assert.Contains("amount back to $45,000", await SayAsync("undo"), StringComparison.Ordinal);
        Assert.Contains("it was just created, so it is deleted again", await SayAsync("undo"), StringComparison.Ordinal);

        Assert.Contains("no open deals", await SayAsync("my deals"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("There is nothing to undo", await SayAsync("undo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_that_names_a_deal_puts_back_that_deals_change_and_never_another_deals()
    {
        await SayAsync("new deal Tailspin Toys 20k");
        await SayAsync("tailspin won");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await SayAsync("new deal Contoso Ltd 45k");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await SayAsync("contoso amount 60k");

        // Naming a deal other than the last one changed could mean either ("that was meant for tailspin"): it asks.
        var asked = await SayAsync("oops tailspin wasnt won, undo that");
        Assert.Contains("Your last change was to Contoso Ltd", asked, StringComparison.Ordinal);
        Assert.Contains("so I undid nothing", asked, StringComparison.Ordinal);
        Assert.Contains("Amount: $60,000", await SayAsync("show contoso"), StringComparison.Ordinal);

        var undone = await SayAsync("undo tailspin");
        Assert.Contains("Undid your last change to Tailspin Toys: it is no longer won", undone, StringComparison.Ordinal);
        Assert.Contains("Say \"undo Tailspin Toys\" again to go further back.", undone, StringComparison.Ordinal);
        Assert.Contains("Amount: $60,000", await SayAsync("show contoso"), StringComparison.Ordinal);

        Assert.Contains("amount back to $45,000", await SayAsync("undo contoso"), StringComparison.Ordinal);
        Assert.Contains("couldn't find", await SayAsync("undo fabrikam"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Amount: $45,000", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loss_reason_said_after_the_close_is_recorded_on_the_lost_deal()
    {
        await SayAsync("new deal Relecloud 10k");

        Assert.Contains("Say \"Relecloud lost reason: …\" to record why.", await SayAsync("relecloud lost"), StringComparison.Ordinal);
        Assert.Contains("Recorded why Relecloud was lost: chose a competitor.", await SayAsync("relecloud lost reason: chose a competitor"), StringComparison.Ordinal);
        Assert.Contains("Reason lost: chose a competitor", await SayAsync("show relecloud"), StringComparison.Ordinal);

        await SayAsync("new deal Globex 5k");
        await SayAsync("globex won");
        Assert.Contains("Globex is already closed (won)", await SayAsync("globex lost reason: price"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_whose_task_names_another_deal_goes_on_that_deal_not_the_one_in_context()
    {
        await SayAsync("new deal Omega 10k");
        await SayAsync("new deal Delta 15k");
        await SayAsync("show omega");

        Assert.Contains("I'll remind you about Delta on Fri 27 Nov 2026", await SayAsync("remind me to call the cfo at delta on friday"), StringComparison.Ordinal);
        Assert.DoesNotContain("Reminder:", await SayAsync("show omega"), StringComparison.Ordinal);
        Assert.Contains("Reminder: Fri 27 Nov, you asked: call the cfo at delta", await SayAsync("show delta"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_older_than_a_day_is_not_undone_and_the_rep_is_told_why()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        _app.Time.Advance(TimeSpan.FromHours(25));

        var answer = await SayAsync("undo");

        Assert.Contains("is more than a day old: I only undo changes from the last day.", answer, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", await SayAsync("my deals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_never_touches_another_reps_deal()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await _app.SayAsync(TestUser.Sam, "new deal Fabrikam 20k");

        await SayAsync("undo");

        Assert.Contains("Fabrikam", Text(SingleCard(await _app.SayAsync(TestUser.Sam, "my deals"))), StringComparison.Ordinal);
        Assert.Contains("no open deals", await SayAsync("my deals"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Delete_asks_first_then_the_deal_leaves_the_pipeline_and_undo_brings_it_back()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        var ask = SingleCard(await _app.SayAsync(Dana, "delete contoso"));
        Assert.Contains("Delete Contoso Ltd?", Text(ask), StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", await SayAsync("my deals"), StringComparison.Ordinal);

        var deleted = await ClickAsync(ask, "deleteDeal");

        Assert.Contains("Deleted Contoso Ltd.", deleted, StringComparison.Ordinal);
        Assert.Contains("no open deals", await SayAsync("my deals"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Stage:", await SayAsync("show contoso"), StringComparison.Ordinal);

        Assert.Contains("it is back in your pipeline", await SayAsync("undo"), StringComparison.Ordinal);
        Assert.Contains("Amount: $45,000", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_it_on_the_delete_card_deletes_nothing()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        var ask = SingleCard(await _app.SayAsync(Dana, "delete contoso"));

        var kept = await ClickAsync(ask, "keepDeal");

        Assert.Contains("Kept Contoso Ltd; nothing was deleted.", kept, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", await SayAsync("my deals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_deal_named_like_an_open_one_asks_first_and_creates_nothing_silently()
    {
        await SayAsync("new deal Contoso Pharma 10k");

        var ask = SingleCard(await _app.SayAsync(Dana, "new deal contoso pharma 20k"));

        Assert.Contains("You already have Contoso Pharma", Text(ask), StringComparison.Ordinal);
        Assert.Contains("1 open deal", await SayAsync("my deals"), StringComparison.Ordinal);
        var updated = await ClickAsync(ask, "updateExisting");
        Assert.Contains("Contoso Pharma: amount $20,000", updated, StringComparison.Ordinal);
        Assert.Contains("1 open deal", await SayAsync("my deals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_deal_of_the_same_name_is_created_when_the_rep_says_so()
    {
        await SayAsync("new deal Contoso Pharma 10k");
        var ask = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Pharma 20k"));

        var created = await ClickAsync(ask, "createAnyway");

        Assert.Contains("Created Contoso Pharma", created, StringComparison.Ordinal);
        Assert.Contains("2 open deals", await SayAsync("my deals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Won_said_in_an_early_stage_closes_the_deal_at_once()
    {
        await SayAsync("new deal Contoso Ltd 45k");

        var won = await SayAsync("contoso won");

        Assert.Contains("Congratulations! Contoso Ltd is won.", won, StringComparison.Ordinal);
        Assert.Contains("Stage: Closed Won", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("closed contoso for 52k")]
    [InlineData("contoso won at 52k")]
    public async Task A_win_said_with_its_final_amount_records_that_amount(string text)
    {
        await SayAsync("new deal Contoso Ltd 45k");

        var won = await SayAsync(text);

        Assert.Contains("Congratulations! Contoso Ltd is won at $52,000.", won, StringComparison.Ordinal);
        var shown = await SayAsync("show contoso");
        Assert.Contains("52,000", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("45,000", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_won_deal_gets_its_first_follow_up_as_a_dated_step_the_rep_can_change()
    {
        await SayAsync("new deal Contoso Ltd 45k");

        var won = await SayAsync("contoso won");

        Assert.Contains("Follow-up: ", won, StringComparison.Ordinal);
        Assert.Contains("Next step for Contoso Ltd: onboarding call", await SayAsync("next step for contoso: onboarding call by friday"), StringComparison.Ordinal);
        Assert.Contains("Follow-up: onboarding call (due Fri 27 Nov 2026)", await SayAsync("show contoso"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("snooze contoso 99999999999 days")]
    [InlineData("snooze contoso 20000000 days")]
    [InlineData("snooze contoso ٣ days")]
    [InlineData("push contoso out 20000000 days")]
    public async Task A_huge_or_foreign_number_gets_a_clear_answer_and_changes_nothing(string text)
    {
        await SayAsync("new deal Contoso Ltd 45k closing dec 15");

        var answer = await SayAsync(text);

        Assert.DoesNotContain("went wrong", answer, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.Contains("Expected close: Tue 15 Dec 2026", await SayAsync("show contoso"), StringComparison.Ordinal);
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

        Assert.Contains("Tailspin Toys is a small business customer.", typed, StringComparison.Ordinal);
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
    public async Task Recent_activity_lists_the_newest_day_first_whatever_order_it_was_logged_in()
    {
        await SayAsync("new deal Contoso Ltd 45k");
        await SayAsync("log a call with contoso: they want a discount");
        await SayAsync("demo with contoso yesterday");

        var shown = await SayAsync("show contoso");

        var today = shown.IndexOf("Call: they want a discount", StringComparison.Ordinal);
        var yesterday = shown.IndexOf("Demo", shown.IndexOf("Recent activity", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(today >= 0 && yesterday > today, shown);
    }

    [Fact]
    public async Task A_snooze_shows_on_the_deal_and_unsnooze_ends_it()
    {
        await SayAsync("new deal Fabrikam 20k");
        await SayAsync("snooze fabrikam until monday");

        Assert.Contains("Snoozed: no reminders before Mon 30 Nov", await SayAsync("show fabrikam"), StringComparison.Ordinal);

        Assert.Contains("Fabrikam is no longer snoozed", await SayAsync("cancel the snooze on fabrikam"), StringComparison.Ordinal);
        Assert.DoesNotContain("Snoozed", await SayAsync("show fabrikam"), StringComparison.Ordinal);
        Assert.Contains("Fabrikam isn't snoozed: its reminders come as usual.", await SayAsync("unsnooze fabrikam"), StringComparison.Ordinal);

        // Undo takes back the unsnooze itself, not the change before it.
        Assert.Contains("snoozed until Mon 30 Nov", await SayAsync("undo"), StringComparison.Ordinal);
        Assert.Contains("Snoozed: no reminders before Mon 30 Nov", await SayAsync("show fabrikam"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_fields_in_one_message_are_all_applied()
    {
        await SayAsync("new deal Fabrikam 20k");

        var updated = await SayAsync("fabrikam: 30k, closes march 3");

        Assert.Contains("Fabrikam: amount $30,000", updated, StringComparison.Ordinal);
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

    /// <summary>The proactive cards that say "You asked to be reminded …".</summary>
    private List<string> AskedReminders() =>
        _app.Connector.Sent
            .SelectMany(a => a.Attachments ?? [])
            .Select(a => Text(CardOf(a)))
            .Where(t => t.Contains("You asked to be reminded", StringComparison.Ordinal))
            .ToList();

    private Task SweepAsync() => _app.Services.GetRequiredService<SalesCoachBot.Core.Reminders.ReminderSweeper>().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task Remind_me_keeps_the_next_step_and_reminds_once_at_the_start_of_the_day_asked()
    {
        await SayAsync("new deal Tailspin Toys 20k");
        await SayAsync("next step for tailspin: send the contract by dec 10");

        var reminded = await SayAsync("remind me to send the pricing to tailspin friday");

        Assert.Contains("I'll remind you about Tailspin Toys on Fri 27 Nov 2026: send the pricing to tailspin.", reminded, StringComparison.Ordinal);
        Assert.Contains("Your next step stays \"send the contract\".", reminded, StringComparison.Ordinal);
        var shown = await SayAsync("show tailspin");
        Assert.Contains("Next step: send the contract (due Thu 10 Dec 2026)", shown, StringComparison.Ordinal);
        Assert.Contains("Reminder: Fri 27 Nov, you asked: send the pricing to tailspin", shown, StringComparison.Ordinal);

        // Friday 08:59 in Berlin is before Dana's working day; 09:00 is its start.
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 7, 59, 0, TimeSpan.Zero));
        await SweepAsync();
        Assert.Empty(AskedReminders());
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await SweepAsync();
        for (var hour = 0; hour < 24 * 3; hour++)
        {
            _app.Time.Advance(TimeSpan.FromHours(1));
            await SweepAsync();
        }

        var sent = Assert.Single(AskedReminders());
        Assert.Contains("You asked to be reminded about Tailspin Toys: send the pricing to tailspin.", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("needs attention", sent, StringComparison.Ordinal);
        var after = await SayAsync("show tailspin");
        Assert.Contains("Next step: send the contract (due Thu 10 Dec 2026)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("you asked", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_me_again_on_the_reminder_card_asks_for_it_again_on_the_day_picked()
    {
        await SayAsync("new deal Tailspin Toys 20k");
        await SayAsync("remind me to send the pricing to tailspin friday");
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await SweepAsync();
        var card = CardOf(_app.Connector.Sent.Last().Attachments![0]);
        Assert.DoesNotContain(Actions(card), a => a.Verb == "snooze");
        var again = Button(card, "remindAgain");
        again.Data["snoozeFor"] = "3d";

        var (status, body) = await _app.ClickAsync(Dana, again.Verb, again.Data);

        Assert.Equal(200, status);
        Assert.Contains("I'll remind you about Tailspin Toys on Mon 30 Nov 2026: send the pricing to tailspin.", Text((Newtonsoft.Json.Linq.JObject)body!["value"]!), StringComparison.Ordinal);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        await SweepAsync();
        _app.Time.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        Assert.Equal(2, AskedReminders().Count);
        Assert.All(AskedReminders(), t => Assert.Contains(": send the pricing to tailspin.", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_remind_me_moves_the_reminder_and_undo_takes_it_back()
    {
        await SayAsync("new deal Tailspin Toys 20k");
        await SayAsync("remind me about tailspin friday");

        var moved = await SayAsync("remind me about it monday");

        Assert.Contains("I'll remind you about Tailspin Toys on Mon 30 Nov 2026. It replaces the reminder for Fri 27 Nov 2026.", moved, StringComparison.Ordinal);
        Assert.Contains("Reminder: Mon 30 Nov, you asked", await SayAsync("show tailspin"), StringComparison.Ordinal);
        Assert.Contains("Undid your last change to Tailspin Toys: your reminder is back to Fri 27 Nov 2026.", await SayAsync("undo"), StringComparison.Ordinal);
        Assert.Contains("Undid your last change to Tailspin Toys: the reminder you asked for on Fri 27 Nov 2026 is taken off.", await SayAsync("undo"), StringComparison.Ordinal);

        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await SweepAsync();
        Assert.Empty(AskedReminders());
    }

    [Fact]
    public async Task Remind_me_with_no_deal_named_and_none_recent_asks_which_deal()
    {
        var answer = await SayAsync("remind me tomorrow");

        Assert.Contains("Which deal do you mean?", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_deal_drops_the_reminder_asked_for()
    {
        await SayAsync("new deal Tailspin Toys 20k");
        await SayAsync("remind me about tailspin friday");
        await SayAsync("tailspin lost to a competitor");

        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await SweepAsync();

        Assert.Empty(AskedReminders());
    }

    [Fact]
    public async Task Two_deals_of_one_name_get_which_one_buttons_that_differ()
    {
        await SayAsync("new deal Contoso Pharma 10k");
        var twin = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Pharma 20k"));
        var anyway = Button(twin, "createAnyway");
        await _app.ClickAsync(Dana, anyway.Verb, anyway.Data);

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
