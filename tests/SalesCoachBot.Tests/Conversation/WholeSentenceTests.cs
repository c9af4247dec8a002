using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Conversation;

/// <summary>
/// Issue 12, "whole sentences": a message that says several things about a deal applies all of them in the turn, or none
/// with the reason; nothing said is dropped without a word. The parser's side is in the corpus part whole-sentences.tsv.
/// </summary>
public sealed class WholeSentenceTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Deal> DealAsync(string name) =>
        Assert.Single(await _app.Services.GetRequiredService<IDealStore>().ListAsync(new OwnerKey(Dana.TenantId, Dana.Id), includeClosed: true, CancellationToken.None), d => d.Name == name);

    private Task<string> RepliesAsync(string text) => RepliesAsync(Dana, text);

    private async Task<string> RepliesAsync(TestUser user, string text) =>
        string.Join("\n", (await _app.SayAsync(user, text)).Select(a => a.Text + "\n" + string.Join("\n", CardsIn(a))));

    [Fact]
    public async Task A_move_said_with_an_amount_a_close_date_or_a_next_step_applies_them_all_in_one_turn()
    {
        await _app.SayAsync(Dana, "new deal Northwind 10k");
        await _app.SayAsync(Dana, "new deal Initech 10k");

        AssertSays(await RepliesAsync("move northwind to discovery, 36k, closes jan 15"), "Moved Northwind to Discovery", "Also saved: amount", "closing");
        AssertSays(await RepliesAsync("initech to qualify - next step call cfo tmrw"), "Moved Initech to Qualify", "next step call cfo");

        var northwind = await DealAsync("Northwind");
        Assert.Equal("discovery", northwind.StageId);
        Assert.Equal(36_000m, northwind.Amount!.Value.Amount);
        Assert.Equal(new DateOnly(2027, 1, 15), northwind.ExpectedClose);
        var initech = await DealAsync("Initech");
        Assert.Equal("qualify", initech.StageId);
        Assert.Equal("call cfo", initech.NextStep!.Text);
        Assert.Equal(new DateOnly(2026, 11, 26), initech.NextStep.Due);
    }

    [Fact]
    public async Task Naming_the_stage_a_deal_is_already_in_with_an_amount_saves_the_amount()
    {
        await _app.SayAsync(Dana, "new deal Northwind 10k");
        await _app.SayAsync(Dana, "move northwind to qualify");

        AssertSays(await RepliesAsync("northwind is in qualify, 35k"), "Northwind is already in Qualify", "Also saved: amount");

        var northwind = await DealAsync("Northwind");
        Assert.Equal("qualify", northwind.StageId);
        Assert.Equal(35_000m, northwind.Amount!.Value.Amount);
    }

    [Fact]
    public async Task A_move_that_waits_for_a_blocking_check_saves_the_other_facts_and_says_the_move_waits()
    {
        await _app.SayAsync(Dana, "new deal Contoso 10k");
        await _app.SayAsync(Dana, "move contoso to discovery");

        var reply = await RepliesAsync("move contoso to proposal, 50k, closes jan 15");

        AssertSays(reply, "Saved for Contoso: amount", "The move to Proposal waits for the check below");
        var contoso = await DealAsync("Contoso");
        Assert.Equal("discovery", contoso.StageId);
        Assert.Equal(50_000m, contoso.Amount!.Value.Amount);
        Assert.Equal(new DateOnly(2027, 1, 15), contoso.ExpectedClose);
    }

    [Fact]
    public async Task A_move_with_a_fact_that_cannot_apply_applies_nothing_and_says_why()
    {
        await _app.SayAsync(Dana, "new deal Northwind 10k");

        AssertSays(await RepliesAsync("move northwind to qualify, 36k, model wholesale"), "wholesale");

        var northwind = await DealAsync("Northwind");
        Assert.Equal("prospect", northwind.StageId);
        Assert.Equal(10_000m, northwind.Amount!.Value.Amount);
    }

    [Fact]
    public async Task Naming_the_model_a_deal_already_follows_among_other_fields_applies_the_rest()
    {
        await _app.SayAsync(Dana, "new enterprise deal Woodgrove Bank rollout 100k");

        var reply = await RepliesAsync("woodgrove: 450k, enterprise, closing end of q2, next step security review by dec 18");

        Assert.DoesNotContain("already follows", reply, StringComparison.Ordinal);
        var woodgrove = await DealAsync("Woodgrove Bank rollout");
        Assert.Equal("enterprise", woodgrove.ModelId);
        Assert.Equal(450_000m, woodgrove.Amount!.Value.Amount);
        Assert.Equal(new DateOnly(2027, 6, 30), woodgrove.ExpectedClose);
        Assert.Equal("security review", woodgrove.NextStep!.Text);
    }

    [Fact]
    public async Task A_manager_naming_a_rep_with_a_possessive_typed_without_its_apostrophe_gets_that_reps_quota_and_deals()
    {
        var morgan = new TestUser("aad-morgan", "Morgan Lee");
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(morgan, "hi");
        await _app.SayAsync(Dana, "my manager is Morgan Lee");
        await _app.SayAsync(morgan, "Dana's quota is 90k this quarter");

        var quota = await RepliesAsync(morgan, "whats danas quota");
        var deals = await RepliesAsync(morgan, "danas deals");

        AssertSays(quota, "Dana Rep", "90,000");
        Assert.DoesNotContain("Your", quota, StringComparison.Ordinal);
        AssertSays(deals, "Dana Rep", "Contoso Ltd");
    }

    [Fact]
    public async Task A_question_is_answered_and_never_offered_as_a_deal_to_create()
    {
        var morgan = new TestUser("aad-morgan", "Morgan Lee");
        await _app.SayAsync(morgan, "hi");
        await _app.SayAsync(Dana, "my manager is Morgan Lee");

        var stuck = await RepliesAsync(morgan, "is anyone on my team stuck");
        var unknown = await RepliesAsync("is globex stuck?");

        Assert.DoesNotContain("new deal", stuck, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find a deal", stuck, StringComparison.Ordinal);
        AssertSays(unknown, "couldn't find a deal called");
        Assert.DoesNotContain("new deal", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experienced_reps_shorthand_changes_the_deal_meant()
    {
        await _app.SayAsync(Dana, "new deal Adventure Works 20k");
        await _app.SayAsync(Dana, "new deal Initech 10k");

        await _app.SayAsync(Dana, "adv works verbal yes from cfo, moving to qualify");
        await _app.SayAsync(Dana, "initech pushed to next qtr");
        await _app.SayAsync(Dana, "initech disc");
        AssertSays(await RepliesAsync("initech - emailed pricing"), "Logged an email with Initech", "pricing");

        Assert.Equal("qualify", (await DealAsync("Adventure Works")).StageId);
        Assert.Equal(new DateOnly(2027, 3, 31), (await DealAsync("Initech")).ExpectedClose);
        Assert.Equal("discovery", (await DealAsync("Initech")).StageId);
    }
}
