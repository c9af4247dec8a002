using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>Issue: next-step prompt cards at every stage, exit-criteria checks, and the card buttons (Universal Actions).</summary>
public sealed class CoachingTests : IAsyncLifetime
{
    private static readonly SellingModel _consultative = ProcessLoader.LoadDefault().FindModel("consultative")!;
    private readonly BotApp _app = new();
    private static readonly TestUser Dana = TestUser.Dana;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JObject> CreateContosoAsync() => SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));

    private static (string? Title, string Verb, JObject Data) Button(JObject card, string verb) =>
        Assert.Single(Actions(card), a => a.Verb == verb);

    private static JObject Updated((int Status, JObject? Body) response)
    {
        Assert.Equal(200, response.Status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.Body!["type"]!.ToString());
        var card = (JObject)response.Body["value"]!;
        AssertValid(card);
        return card;
    }

    private static JObject With(JObject data, params (string Key, string Value)[] inputs)
    {
        var merged = (JObject)data.DeepClone();
        foreach (var (key, value) in inputs)
        {
            merged[key] = value;
        }

        return merged;
    }

    [Fact]
    public async Task A_new_deal_gets_the_coaching_card_of_its_first_stage()
    {
        var card = await CreateContosoAsync();
        var text = Text(card);
        var prospect = _consultative.FirstStage;

        Assert.Contains($"Objective:** {prospect.Objective}", text, StringComparison.Ordinal);
        Assert.Contains(prospect.ExitCriteria[0], text, StringComparison.Ordinal);
        Assert.Contains("allowed time runs out Wed 9 Dec 2026", text, StringComparison.Ordinal);
        Assert.Contains(prospect.Tools[0].Name, text, StringComparison.Ordinal);
        var inputs = card.Descendants().OfType<JObject>().Where(o => o["type"]?.ToString().StartsWith("Input.", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(prospect.Actions.Count, inputs.Count(i => i["type"]!.ToString() == "Input.Toggle"));
        Assert.Contains(inputs, i => i["id"]!.ToString() == "nextStep");
        Assert.Contains(inputs, i => i["id"]!.ToString() == "due" && i["min"]!.ToString() == "2026-11-25");
        Assert.Equal(["Save", "Move to Qualify", "Won"], Actions(card).Select(a => a.Title).Take(3));
    }

    [Fact]
    public async Task What_now_brings_the_card_back_for_the_current_stage()
    {
        await CreateContosoAsync();
        await _app.SayAsync(Dana, "move contoso to qualify, confirmed");

        var text = Text(SingleCard(await _app.SayAsync(Dana, "what now for contoso")));

        Assert.Contains("Contoso Ltd: Qualify", text, StringComparison.Ordinal);
        Assert.Contains(_consultative.GetStage("qualify")!.Objective, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_the_next_step_from_the_card_updates_it_in_place_and_keeps_the_checklist()
    {
        var card = await CreateContosoAsync();
        var save = Button(card, "saveNextStep");

        var updated = Updated(await _app.ClickAsync(Dana, save.Verb, With(save.Data, ("nextStep", "book discovery call"), ("due", "2026-11-30"), ("done-0", "true"), ("done-1", "false"))));

        Assert.Contains("Saved. Next step: book discovery call, due Mon 30 Nov.", Text(updated), StringComparison.Ordinal);
        var toggle = updated.Descendants().OfType<JObject>().Single(o => o["id"]?.ToString() == "done-0");
        Assert.Equal("true", toggle["value"]!.ToString());
        Assert.Contains("Next step: book discovery call (due Mon 30 Nov 2026)", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_click_of_the_same_button_is_not_applied_twice()
    {
        var card = await CreateContosoAsync();
        var save = Button(card, "saveNextStep");
        await _app.ClickAsync(Dana, save.Verb, With(save.Data, ("nextStep", "first"), ("due", "")));

        var replay = Updated(await _app.ClickAsync(Dana, save.Verb, With(save.Data, ("nextStep", "second"), ("due", ""))));

        Assert.Contains("Already done: that button was used before.", Text(replay), StringComparison.Ordinal);
        Assert.Contains("Next step: first", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "Say what the next step is before saving.")]
    [InlineData("call the CFO", "2026-11-20", "Fri 20 Nov 2026 is in the past; pick today or later.")]
    [InlineData("call the CFO", "next week", "'next week' is not a date.")]
    public async Task Input_errors_come_back_on_the_card_next_to_the_field(string nextStep, string due, string error)
    {
        var save = Button(await CreateContosoAsync(), "saveNextStep");

        var card = Updated(await _app.ClickAsync(Dana, save.Verb, With(save.Data, ("nextStep", nextStep), ("due", due))));

        var lines = Text(card).Split('\n');
        Assert.Contains(error, lines);
        Assert.Contains("none yet", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_deal_id_re_renders_a_notice_and_changes_nothing()
    {
        var save = Button(await CreateContosoAsync(), "saveNextStep");

        var card = Updated(await _app.ClickAsync(TestUser.Sam, save.Verb, With(save.Data, ("nextStep", "hijack"), ("due", ""))));

        Assert.Contains("That deal is not in your pipeline.", Text(card), StringComparison.Ordinal);
        Assert.Contains("none yet", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_forward_from_the_card_moves_at_once_and_the_criteria_can_be_ticked_later()
    {
        var move = Button(await CreateContosoAsync(), "moveDeal");

        var moved = Updated(await _app.ClickAsync(Dana, move.Verb, move.Data));

        Assert.Contains("Moved Contoso Ltd to Qualify.", Text(moved), StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd: Qualify", Text(moved), StringComparison.Ordinal);
        var later = moved.Descendants().OfType<JObject>().Where(o => o["id"]?.ToString().StartsWith("later-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(_consultative.FirstStage.ExitCriteria.Count, later.Count);
    }

    [Fact]
    public async Task A_move_past_a_warning_stage_is_applied_at_once_and_a_criterion_ticked_later_is_recorded()
    {
        await CreateContosoAsync();
        var moved = SingleCard(await _app.SayAsync(Dana, "move contoso to qualify"));
        var unmet = _consultative.FirstStage.ExitCriteria[1];
        Assert.Contains("Not confirmed when it moved on:", Text(moved), StringComparison.Ordinal);
        var toTick = moved.Descendants().OfType<JObject>().Where(o => o["id"]?.ToString().StartsWith("later-", StringComparison.Ordinal) == true).Select(o => o["title"]!.ToString());
        Assert.Contains(unmet, toTick);
        var confirm = Button(moved, "confirmLater");

        var ticked = Updated(await _app.ClickAsync(Dana, confirm.Verb, With(confirm.Data, ("later-0", "true"))));

        Assert.Contains($"Confirmed: {_consultative.FirstStage.ExitCriteria[0]}.", Text(ticked), StringComparison.Ordinal);
        var later = ticked.Descendants().OfType<JObject>().Where(o => o["id"]?.ToString().StartsWith("later-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(_consultative.FirstStage.ExitCriteria.Count - 1, later.Count);
        Assert.Contains($"{_consultative.FirstStage.ExitCriteria.Count - 1} exit criteria not confirmed", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unmet_criteria_of_a_blocking_stage_keep_the_deal_where_it_is()
    {
        var discovery = _consultative.GetStage("discovery")!;
        Assert.True(discovery.BlockOnUnmetCriteria);
        await CreateContosoAsync();
        await _app.SayAsync(Dana, "move contoso to discovery, confirmed");
        var check = SingleCard(await _app.SayAsync(Dana, "move contoso to proposal"));
        var confirm = Button(check, "confirmMove");

        var refused = Updated(await _app.ClickAsync(Dana, confirm.Verb, With(confirm.Data, ("criterion-discovery-0", "true"))));

        Assert.Contains("Discovery needs every exit criterion confirmed before the deal moves to Proposal.", Text(refused), StringComparison.Ordinal);
        var kept = refused.Descendants().OfType<JObject>().Single(o => o["id"]?.ToString() == "criterion-discovery-0");
        Assert.Equal("true", kept["value"]!.ToString());
        Assert.Contains("Stage: Discovery", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_anyway_past_a_blocking_stage_is_refused_with_the_criteria()
    {
        await CreateContosoAsync();
        await _app.SayAsync(Dana, "move contoso to discovery, confirmed");

        var card = SingleCard(await _app.SayAsync(Dana, "move contoso to proposal anyway"));

        Assert.Contains("Discovery needs every exit criterion confirmed", Text(card), StringComparison.Ordinal);
        Assert.Contains("Stage: Discovery", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipping_stages_is_allowed_with_a_warning_naming_them()
    {
        await CreateContosoAsync();

        var check = Text(SingleCard(await _app.SayAsync(Dana, "move contoso to negotiation")));

        Assert.Contains("This skips Qualify, Discovery, Proposal: their exit criteria are listed too.", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_back_needs_no_check()
    {
        await CreateContosoAsync();
        await _app.SayAsync(Dana, "move contoso to qualify, confirmed");

        var text = Text(SingleCard(await _app.SayAsync(Dana, "move contoso to prospect")));

        Assert.Contains("Moved Contoso Ltd to Prospect.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Won_and_lost_from_the_card_close_the_deal()
    {
        await _app.SayAsync(Dana, "new deal Fabrikam 20k");
        var card = await CreateContosoAsync();

        var won = Updated(await _app.ClickAsync(Dana, "closeWon", Button(card, "closeWon").Data));
        var fabrikam = SingleCard(await _app.SayAsync(Dana, "what now for fabrikam"));
        var lostButton = Button(fabrikam, "closeLost");
        var lost = Updated(await _app.ClickAsync(Dana, "closeLost", With(lostButton.Data, ("reason", "no budget"))));

        Assert.Contains("Congratulations! Contoso Ltd is won.", Text(won), StringComparison.Ordinal);
        Assert.Contains("Reason lost: no budget", Text(lost), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Won_from_an_early_stage_is_applied_at_once_with_the_skipped_criteria_on_record()
    {
        await CreateContosoAsync();
        var wonStage = _consultative.ClosingStage(StageOutcome.Won)!;

        var won = Text(SingleCard(await _app.SayAsync(Dana, "contoso won")));

        Assert.Contains("Congratulations! Contoso Ltd is won.", won, StringComparison.Ordinal);
        Assert.Contains(wonStage.Actions[0], won, StringComparison.Ordinal);
        Assert.Contains(wonStage.FollowUps[0], won, StringComparison.Ordinal);
        var shown = Text(SingleCard(await _app.SayAsync(Dana, "show contoso")));
        Assert.Contains("Stage: Closed Won", shown, StringComparison.Ordinal);
        Assert.Contains("exit criteria not confirmed", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_of_an_older_card_is_refused_once_the_deal_has_moved_on()
    {
        await CreateContosoAsync();
        await _app.SayAsync(Dana, "move contoso to discovery, confirmed");
        var oldCheck = SingleCard(await _app.SayAsync(Dana, "move contoso to proposal"));
        await _app.SayAsync(Dana, "move contoso to qualify");
        var confirm = Button(oldCheck, "confirmMove");

        var card = Updated(await _app.ClickAsync(Dana, confirm.Verb, With(confirm.Data, ("criterion-discovery-0", "true"))));

        Assert.Contains("That card was for Discovery; Contoso Ltd is now in Qualify. Here is its current card.", Text(card), StringComparison.Ordinal);
        Assert.Contains("Stage: Qualify", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_submit_from_an_older_client_saves_the_next_step_too()
    {
        var save = Button(await CreateContosoAsync(), "saveNextStep");
        var submit = _app.Message(Dana, string.Empty);
        submit.Text = null;
        submit.Value = With(save.Data, ("nextStep", "send the deck"), ("due", ""));

        await _app.PostAsync(submit);

        Assert.Contains("Saved. Next step: send the deck.", Text(SingleCard(_app.Connector.RepliesTo(submit.Id))), StringComparison.Ordinal);
    }
}
