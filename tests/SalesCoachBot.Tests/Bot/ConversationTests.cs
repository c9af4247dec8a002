using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// Whole conversations through the real host: HTTP in, replies recorded by the stand-in connector.
/// On the embedded store here; <see cref="CosmosConversationTests"/> runs the same conversations on Cosmos DB.
/// </summary>
public class ConversationTests : IAsyncLifetime
{
    private BotApp _app = null!;
    private static readonly TestUser Dana = TestUser.Dana;

    /// <summary>The host under test, with the store this class runs on.</summary>
    protected virtual BotApp CreateApp() => new();

    public Task InitializeAsync()
    {
        _app = CreateApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> SayAndReadAsync(string text, TestUser? user = null) =>
        Text(SingleCard(await _app.SayAsync(user ?? Dana, text)));

    [Fact]
    public async Task A_rep_is_greeted_with_what_the_bot_does_when_it_is_installed()
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = _app.NextActivityId(),
            ChannelId = "msteams",
            ServiceUrl = BotApp.LoopbackServiceUrl,
            From = new ChannelAccount(Dana.Id, Dana.Name) { AadObjectId = Dana.Id },
            Recipient = new ChannelAccount("28:sales-coach", "Sales Coach"),
            Conversation = new ConversationAccount(id: Dana.ConversationId) { ConversationType = "personal", TenantId = Dana.TenantId },
            MembersAdded = [new ChannelAccount("28:sales-coach", "Sales Coach")],
        };

        var (status, _) = await _app.PostAsync(update);

        Assert.Equal(200, status);
        var card = SingleCard(_app.Connector.RepliesTo(update.Id));
        Assert.Contains("I'm Sales Coach", Text(card), StringComparison.Ordinal);
        Assert.Contains("new deal Contoso Ltd 45k", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_creates_a_deal_and_sees_it_in_the_first_stage()
    {
        var text = await SayAndReadAsync("new deal Contoso Ltd 45k");

        Assert.Contains("Created Contoso Ltd (Consultative), now in Prospect.", text, StringComparison.Ordinal);
        Assert.Contains("Amount: $45,000", text, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd: Prospect", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_can_name_the_selling_model_of_a_new_deal()
    {
        var text = await SayAndReadAsync("new enterprise deal Fabrikam $250k");

        Assert.Contains("Created Fabrikam (Enterprise)", text, StringComparison.Ordinal);
        Assert.Contains("$250,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_moves_a_deal_by_its_loose_name_and_skipped_stages_are_named()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var text = await SayAndReadAsync("move contoso to discovery, confirmed");

        Assert.Contains("Moved Contoso Ltd to Discovery.", text, StringComparison.Ordinal);
        Assert.Contains("Skipped: Qualify.", text, StringComparison.Ordinal);
        Assert.Contains("Stage: Discovery (Consultative)", await SayAndReadAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saying_where_a_deal_is_moves_it_at_once_with_the_criteria_to_tick_later()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var text = await SayAndReadAsync("contoso is in qualify");

        Assert.Contains("Moved Contoso Ltd to Qualify.", text, StringComparison.Ordinal);
        Assert.Contains("Not confirmed when it moved on", text, StringComparison.Ordinal);
        Assert.Contains("Stage: Qualify", await SayAndReadAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_past_a_blocking_stage_asks_first_whatever_the_wording()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var text = await SayAndReadAsync("move contoso to proposal, confirmed");

        Assert.Contains("Discovery needs every exit criterion confirmed before the deal moves to Proposal.", text, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAndReadAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stage_lists_the_real_ones()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var reply = Assert.Single(await _app.SayAsync(Dana, "move contoso to banana"));

        // Not understood as a move, so nothing changes; the answer (the card's summary) names the real stages.
        Assert.Contains("Prospect, Qualify, Discovery, Proposal, Negotiation", reply.Summary ?? reply.Text, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAndReadAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_step_due_friday_is_read_in_the_reps_time_zone()
    {
        // Wednesday 23:30 UTC is already Thursday 00:30 in Berlin: "tomorrow" is Friday there.
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var text = await SayAndReadAsync("next step for contoso: send pricing tomorrow");

        Assert.Contains("Next step for Contoso Ltd: send pricing, due Fri 27 Nov.", text, StringComparison.Ordinal);
        Assert.Contains("Next step: send pricing (due Fri 27 Nov 2026)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_without_a_time_zone_gets_dates_in_utc()
    {
        var utcRep = new TestUser("aad-utc", "Uma", TimeZone: null);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));
        await _app.SayAsync(utcRep, "new deal Contoso Ltd 45k");

        var text = await SayAndReadAsync("next step for contoso: send pricing tomorrow", utcRep);

        Assert.Contains("due Thu 26 Nov", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_deal_said_with_its_amount_and_close_date_keeps_both()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k closing dec 15");

        var shown = await SayAndReadAsync("show contoso");

        Assert.Contains("Contoso Ltd", shown, StringComparison.Ordinal);
        Assert.Contains("45,000", shown, StringComparison.Ordinal);
        Assert.Contains("Expected close: Tue 15 Dec 2026", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_changes_the_amount_and_the_expected_close_date()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        Assert.Contains("Amount: $50,000", await SayAndReadAsync("contoso amount 50k"), StringComparison.Ordinal);
        Assert.Contains("Expected close: Tue 15 Dec 2026", await SayAndReadAsync("contoso closes dec 15"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_closes_deals_won_and_lost_and_they_leave_the_pipeline()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Fabrikam 20k");
        await _app.SayAsync(Dana, "move contoso to negotiation, confirmed");

        Assert.Contains("Congratulations! Contoso Ltd is won.", await SayAndReadAsync("contoso won"), StringComparison.Ordinal);
        var lost = await SayAndReadAsync("fabrikam lost: went with a competitor");
        Assert.Contains("Reason lost: went with a competitor", lost, StringComparison.Ordinal);

        var pipeline = await SayAndReadAsync("my deals");
        Assert.Contains("You have no open deals yet.", pipeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_deal_says_it_is_closed_rather_than_missing()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "contoso lost");

        var reply = Assert.Single(await _app.SayAsync(Dana, "move contoso to proposal"));

        Assert.Equal("Contoso Ltd is already closed (lost).", reply.Text);
    }

    [Fact]
    public async Task A_closed_deal_named_exactly_is_not_mistaken_for_an_open_one_that_matches_loosely()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");
        await _app.SayAsync(Dana, "contoso ltd lost");

        // Said again with a reason, it is the lost deal's reason, recorded late: never a close of the open one.
        var reply = await SayAndReadAsync("contoso ltd lost: went with a rival");

        Assert.Contains("Recorded why Contoso Ltd was lost: went with a rival.", reply, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAndReadAsync("show contoso pharma"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_first_choice_on_a_which_deal_card_is_applied()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");
        var ask = SingleCard(await _app.SayAsync(Dana, "contoso amount 50k"));
        var ltd = Assert.Single(Actions(ask), a => a.Title!.StartsWith("Contoso Ltd", StringComparison.Ordinal));
        var pharma = Assert.Single(Actions(ask), a => a.Title!.StartsWith("Contoso Pharma", StringComparison.Ordinal));

        await _app.ClickAsync(Dana, ltd.Verb, ltd.Data);
        var (_, second) = await _app.ClickAsync(Dana, pharma.Verb, pharma.Data);

        Assert.Contains("Already done", Text((JObject)second!["value"]!), StringComparison.Ordinal);
        Assert.Contains("Amount: $50,000", await SayAndReadAsync("show contoso ltd"), StringComparison.Ordinal);
        Assert.Contains("Amount: $80,000", await SayAndReadAsync("show contoso pharma"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_card_click_is_answered_with_a_message_not_an_empty_body()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");
        var pick = Actions(SingleCard(await _app.SayAsync(Dana, "contoso amount 50k")))[0];
        var id = _app.NextActivityId();

        await _app.ClickAsync(Dana, pick.Verb, pick.Data, id);
        var (status, retry) = await _app.ClickAsync(Dana, pick.Verb, pick.Data, id);

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.activity.message", retry!["type"]!.ToString());
    }

    [Fact]
    public async Task My_deals_shows_stage_time_in_stage_next_step_and_amount()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Fabrikam $20,000");
        await _app.SayAsync(Dana, "next step for contoso: send pricing by friday");
        _app.Time.Advance(TimeSpan.FromDays(15));

        var card = SingleCard(await _app.SayAsync(Dana, "my deals"));
        var text = Text(card);

        Assert.Contains("2 open deals", text, StringComparison.Ordinal);
        Assert.Contains("Prospect · 15 days of 2 weeks · over the allowed time", text, StringComparison.Ordinal);
        Assert.Contains("Next: send pricing · due Fri 27 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("$20,000", text, StringComparison.Ordinal);
        Assert.Contains(Actions(card), a => a.Verb == "showDeal");
    }

    [Fact]
    public async Task Show_a_deal_lists_its_stage_history()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        _app.Time.Advance(TimeSpan.FromHours(2));
        await _app.SayAsync(Dana, "move contoso to qualify, confirmed");

        var text = await SayAndReadAsync("show contoso");

        Assert.Contains("Wed 25 Nov 2026 10:00: Created in Prospect (by Dana Rep)", text, StringComparison.Ordinal);
        Assert.Contains("Wed 25 Nov 2026 12:00: Prospect → Qualify (by Dana Rep)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_matching_deals_make_the_bot_ask_and_the_choice_is_applied_once()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");

        var ask = SingleCard(await _app.SayAsync(Dana, "contoso amount 50k"));
        Assert.Contains("More than one deal matches \"contoso\"", Text(ask), StringComparison.Ordinal);
        var pharma = Assert.Single(Actions(ask), a => a.Title!.StartsWith("Contoso Pharma", StringComparison.Ordinal));

        var (status, body) = await _app.ClickAsync(Dana, pharma.Verb, pharma.Data);
        var (_, again) = await _app.ClickAsync(Dana, pharma.Verb, pharma.Data);

        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body!["type"]!.ToString());
        var updated = (JObject)body["value"]!;
        AssertValid(updated);
        Assert.Contains("Contoso Pharma is now $50,000.", Text(updated), StringComparison.Ordinal);
        Assert.Contains("Already done", Text((JObject)again!["value"]!), StringComparison.Ordinal);
        Assert.Contains("Amount: $50,000", await SayAndReadAsync("show contoso pharma"), StringComparison.Ordinal);
        Assert.Contains("Amount: $45,000", await SayAndReadAsync("show contoso ltd"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_deal_is_not_created_from_a_change_and_the_answer_says_how_to_add_it()
    {
        var answer = SingleCard(await _app.SayAsync(Dana, "move globex to proposal"));

        Assert.Contains("I couldn't find a deal called \"globex\"", Text(answer), StringComparison.Ordinal);
        Assert.Contains("To add it, say \"new deal globex\".", Text(answer), StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(answer), a => a.Verb == "createDeal");
        Assert.Contains("no open deals", await SayAndReadAsync("my deals"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_create_button_of_an_older_card_still_creates_the_deal_once()
    {
        var click = new JObject { ["verb"] = "createDeal", ["name"] = "globex", ["clickKey"] = "older-card/createDeal" };

        var (_, first) = await _app.ClickAsync(Dana, "createDeal", click);
        await _app.ClickAsync(Dana, "createDeal", click);

        Assert.Contains("Created globex", Text((JObject)first!["value"]!), StringComparison.Ordinal);
        Assert.Contains("1 open deal ", await SayAndReadAsync("my deals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gibberish_gets_a_helpful_answer()
    {
        var text = await SayAndReadAsync("flibbertigibbet wobble");

        Assert.Contains("Sorry, I didn't understand \"flibbertigibbet wobble\"", text, StringComparison.Ordinal);
        Assert.Contains("new deal Contoso Ltd 45k", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_what_the_bot_can_do_with_examples()
    {
        var text = await SayAndReadAsync("help");

        Assert.Contains("next step for contoso: send pricing by friday", text, StringComparison.Ordinal);
        Assert.Contains("contoso lost: went with a competitor", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_activity_is_applied_and_answered_once()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var move = _app.Message(Dana, "advance contoso confirmed");

        await _app.PostAsync(move);
        var (status, _) = await _app.PostAsync(move);

        Assert.Equal(200, status);
        Assert.Single(_app.Connector.RepliesTo(move.Id));
        Assert.Contains("Stage: Qualify", await SayAndReadAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_new_deal_creates_one_deal()
    {
        var create = _app.Message(Dana, "new deal Contoso Ltd 45k");

        await _app.PostAsync(create);
        await _app.PostAsync(create);

        Assert.Contains("1 open deal ", await SayAndReadAsync("my deals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reps_see_and_change_only_their_own_deals()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var sam = TestUser.Sam;
        var otherTenantDana = Dana with { TenantId = "tenant-fabrikam" };

        var samMoves = await SayAndReadAsync("move contoso to proposal", sam);
        var samsPipeline = await SayAndReadAsync("my deals", sam);
        var otherTenant = await SayAndReadAsync("my deals", otherTenantDana);

        Assert.Contains("I couldn't find a deal called \"contoso\"", samMoves, StringComparison.Ordinal);
        Assert.Contains("no open deals", samsPipeline, StringComparison.Ordinal);
        Assert.Contains("no open deals", otherTenant, StringComparison.Ordinal);
        Assert.Contains("Stage: Prospect", await SayAndReadAsync("show contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_deal_id_of_another_rep_reaches_nothing()
    {
        var created = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        await _app.SayAsync(Dana, "new deal Contoso Pharma 80k");
        var ask = SingleCard(await _app.SayAsync(Dana, "move contoso to discovery, confirmed"));
        var pick = Actions(ask)[0];

        var (_, body) = await _app.ClickAsync(TestUser.Sam, pick.Verb, pick.Data);

        var notice = (JObject)body!["value"]!;
        AssertValid(notice);
        Assert.Contains("That deal is no longer in your pipeline.", Text(notice), StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(notice), a => a.Verb == "pickDeal");
        Assert.DoesNotContain("→ Discovery", await SayAndReadAsync("show contoso ltd"), StringComparison.Ordinal);
        Assert.Contains("Created Contoso Ltd", Text(created), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_card_verb_is_refused_politely_in_place()
    {
        var (status, body) = await _app.ClickAsync(Dana, "deleteEverything", new JObject { ["verb"] = "deleteEverything" });

        Assert.Equal(200, status);
        var notice = (JObject)body!["value"]!;
        AssertValid(notice);
        Assert.Contains("That button isn't something I recognise", Text(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_on_a_deal_card_brings_the_card_back_with_the_refusal()
    {
        var created = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var dealId = Actions(created).First(a => a.Data["dealId"] is not null).Data["dealId"]!.ToString();

        var (_, body) = await _app.ClickAsync(Dana, "teleport", new JObject { ["verb"] = "teleport", ["dealId"] = dealId });

        var card = (JObject)body!["value"]!;
        Assert.Contains("That button isn't something I recognise", Text(card), StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd: Prospect", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_submit_from_an_older_client_is_handled_like_a_click()
    {
        var submit = _app.Message(Dana, string.Empty);
        submit.Text = null;
        submit.Value = new JObject { ["verb"] = "say", ["text"] = "my deals" };

        await _app.PostAsync(submit);

        Assert.Contains("Your pipeline", Text(SingleCard(_app.Connector.RepliesTo(submit.Id))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deal_name_that_is_markup_is_shown_as_text()
    {
        var text = await SayAndReadAsync("new deal [click me](https://evil.example) **Acme** 10k");

        Assert.Contains(@"\[click me\](https://evil.example) \*\*Acme\*\*", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_channel_the_mention_of_the_bot_is_ignored()
    {
        var message = _app.Message(Dana, "<at>Sales Coach</at> new deal Contoso Ltd 45k");
        message.Conversation.ConversationType = "channel";
        message.Entities = [new Mention(new ChannelAccount("28:sales-coach", "Sales Coach"), "<at>Sales Coach</at>")];

        await _app.PostAsync(message);

        Assert.Contains("Created Contoso Ltd", Text(SingleCard(_app.Connector.RepliesTo(message.Id))), StringComparison.Ordinal);
    }
}
