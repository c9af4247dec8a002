using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Conversation;

/// <summary>
/// The misreadings an independent review found by chatting with the bot (issue 12, 2026-11-30), end to end over HTTP: what
/// the rep sees, and what is (or is not) saved. The parser's side of each is in the corpus part review-2026-11-30.tsv.
/// </summary>
public sealed class UnderstandingReviewTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IReadOnlyList<Deal>> DealsAsync() =>
        await _app.Services.GetRequiredService<IDealStore>().ListAsync(new OwnerKey(Dana.TenantId, Dana.Id), includeClosed: true, CancellationToken.None);

    private async Task<Deal> DealAsync(string name) => Assert.Single(await DealsAsync(), d => d.Name == name);

    // Every reply's text and cards (as JSON) together: a refusal may come as either.
    private async Task<string> RepliesAsync(string text) =>
        string.Join("\n", (await _app.SayAsync(Dana, text)).Select(a => a.Text + "\n" + string.Join("\n", CardsIn(a))));

    [Fact]
    public async Task Advance_to_a_named_stage_and_a_stage_said_with_a_typo_move_the_deal_there()
    {
        await _app.SayAsync(Dana, "new deal Wingtip Toys 20k");
        await _app.SayAsync(Dana, "new deal Woodgrove Bank 30k");

        AssertSays(await RepliesAsync("advance wingtip to qualify"), "Moved Wingtip Toys to Qualify");
        var typo = await RepliesAsync("woodgrove is in qualfy now");

        Assert.DoesNotContain("is not a stage", typo, StringComparison.Ordinal);
        Assert.Equal("qualify", (await DealAsync("Woodgrove Bank")).StageId);
        Assert.Equal("qualify", (await DealAsync("Wingtip Toys")).StageId);
    }

    [Fact]
    public async Task A_new_deal_keeps_every_field_said_a_misspelt_model_included()
    {
        await _app.SayAsync(Dana, "new deal Proseware 12k eur small business closing next quarter");
        await _app.SayAsync(Dana, "new deal Initech 30k enterprize closing march");

        var proseware = await DealAsync("Proseware");
        Assert.Equal("smb", proseware.CustomerTypeId);
        Assert.Equal(new DateOnly(2027, 3, 31), proseware.ExpectedClose);
        var initech = await DealAsync("Initech");
        Assert.Equal("enterprise", initech.ModelId);
        Assert.Equal(30_000m, initech.Amount!.Value.Amount);
    }

    [Fact]
    public async Task A_close_date_in_the_past_or_that_does_not_exist_is_refused_with_the_reason_and_nothing_changes()
    {
        await _app.SayAsync(Dana, "new deal Alpine Ski House 10k");

        AssertSays(await RepliesAsync("new deal Umbrella Corp 25k closing yesterday"), "'yesterday' is 2026-11-24, already past", "I changed nothing");
        AssertSays(await RepliesAsync("alpine ski house: 40k, closes the 32nd of january"), "'the 32nd of january' is not a date");
        AssertSays(await RepliesAsync("new deal Hooli 60k in closed won"), "\"closed won\" is not an open stage");
        AssertSays(await RepliesAsync("new deal Zeta 10k closing soonish"), "I read the deal as 'Zeta' but couldn't read '10k closing soonish'");

        var deals = await DealsAsync();
        Assert.Equal("Alpine Ski House", Assert.Single(deals).Name);
        Assert.Equal(10_000m, deals[0].Amount!.Value.Amount);
    }

    [Fact]
    public async Task A_deal_named_with_words_skipped_or_shortened_is_found_and_two_that_fit_are_asked_about()
    {
        await _app.SayAsync(Dana, "new deal Wide World Importers renewal 10k");
        await _app.SayAsync(Dana, "new deal Graphic Design Institute 20k");

        await _app.SayAsync(Dana, "wide world renewal amount 15k");
        await _app.SayAsync(Dana, "graphic design inst. amount 100k");

        Assert.Equal(15_000m, (await DealAsync("Wide World Importers renewal")).Amount!.Value.Amount);
        Assert.Equal(100_000m, (await DealAsync("Graphic Design Institute")).Amount!.Value.Amount);

        await _app.SayAsync(Dana, "new deal Wide World Traders renewal 5k");
        AssertSays(await RepliesAsync("wide world renewal amount 1k"), "More than one deal matches", "Wide World Traders renewal", "Wide World Importers renewal");
        Assert.DoesNotContain(await DealsAsync(), d => d.Amount!.Value.Amount == 1_000m);
    }

    [Fact]
    public async Task A_new_deal_or_a_rename_that_an_open_deal_would_answer_to_asks_first()
    {
        await _app.SayAsync(Dana, "new deal Woodgrove Bank rollout 50k");
        AssertSays(await RepliesAsync("new deal Woodgrove 5k"), "You already have an open deal called Woodgrove Bank rollout");
        Assert.Single(await DealsAsync());

        // "Contoso Ltd" is a second company next to "Contoso Pharma", but the same one as "Contoso".
        await _app.SayAsync(Dana, "new deal Contoso Pharma 10k");
        AssertSays(await RepliesAsync("new deal Contoso Ltd 20k"), "Created Contoso Ltd");
        await _app.SayAsync(Dana, "new deal Northwind 10k");
        AssertSays(await RepliesAsync("new deal Northwind Inc 20k"), "You already have an open deal called Northwind");

        // A name one slip from an open one is its own deal: "phase 2" is not "phase 1" mistyped.
        await _app.SayAsync(Dana, "new deal Litware phase 1 5k");
        AssertSays(await RepliesAsync("new deal Litware phase 2 6k"), "Created Litware phase 2");

        await _app.SayAsync(Dana, "new deal Fabrikam 10k");
        await _app.SayAsync(Dana, "new deal Fabrikam Retail 20k");
        AssertSays(await RepliesAsync("rename fabrikam to Fabrikam Retail"), "You already have an open deal called Fabrikam Retail", "haven't renamed Fabrikam");
        Assert.Single(await DealsAsync(), d => d.Name == "Fabrikam");
    }

    [Fact]
    public async Task Results_for_a_range_of_days_or_a_month_cover_those_days()
    {
        AssertSays(await RepliesAsync("my stats from nov 1 to nov 15"), "1 Nov – 15 Nov 2026");
        AssertSays(await RepliesAsync("how did i do in october"), "1 Oct – 31 Oct 2026");
    }

    [Fact]
    public async Task A_new_hire_gets_both_stages_compared_and_the_customer_types_from_the_process()
    {
        var compared = Assert.Single(await _app.SayAsync(Dana, "what's the difference between qualify and discovery?"));
        Assert.Equal(2, CardsIn(compared).Count());
        AssertSays(string.Join("\n", CardsIn(compared)), "Qualify is stage 2 and Discovery stage 3 of the Consultative process", "Qualify (Consultative)", "Discovery (Consultative)");

        AssertSays(await RepliesAsync("what customer types do we sell to"), "Small business", "Mid-market", "Enterprise", "Existing customer");
        AssertSays(await RepliesAsync("what's a small business customer"), "Small business", "Customer type");
        AssertSays(await RepliesAsync("what are exit criteria"), "What must be true before a deal leaves a stage");
    }

    [Fact]
    public async Task A_message_not_understood_offers_the_commands_nearest_to_it()
    {
        AssertSays(await RepliesAsync("how much could my pipeline be worth"), "my deals", "my forecast this quarter");
    }
}
