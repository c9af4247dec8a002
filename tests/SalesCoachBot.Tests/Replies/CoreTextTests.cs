using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Tests.Replies;

/// <summary>What a rep reads about the domain's answers: the rules refuse in data, the host says it.</summary>
public class CoreTextTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _consultative = _process.FindModel("consultative")!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private Deal NewDeal() =>
        DealRules.Create(new OwnerKey("tenant-1", "dana"), "Contoso Ltd", new Money(45_000, "USD"), _consultative, _time.GetUtcNow(), new Actor("Dana", "a1")).Deal!;

    private static string RefusalOf(DealChange change) => CoreText.Refusal(change.Refusal!);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_deal_without_a_name_is_refused_with_an_example(string name)
    {
        var text = RefusalOf(DealRules.Create(new OwnerKey("t", "u"), name, null, _consultative, _time.GetUtcNow(), new Actor("Dana", "a")));

        Assert.Equal("A deal needs a name, for example: new deal Contoso Ltd 45k.", text);
    }

    [Fact]
    public void An_overlong_name_is_refused_with_its_length_and_the_limit()
    {
        var text = RefusalOf(DealRules.Create(new OwnerKey("t", "u"), new string('x', 200), null, _consultative, _time.GetUtcNow(), new Actor("Dana", "a")));

        Assert.Equal("That name is 200 characters long; keep a deal name under 120.", text);
    }

    [Fact]
    public void Moving_to_the_stage_it_is_in_is_refused_by_name()
    {
        var text = RefusalOf(DealRules.MoveTo(NewDeal(), _consultative, _consultative.GetStage("prospect")!, _time.GetUtcNow(), new Actor("Dana", "a2")));

        Assert.Equal("Contoso Ltd is already in Prospect.", text);
    }

    [Fact]
    public void A_closed_deal_says_how_it_closed()
    {
        var won = DealRules.Close(NewDeal(), _consultative, won: true, null, _time.GetUtcNow(), new Actor("Dana", "a2")).Deal!;

        Assert.Equal("Contoso Ltd is already closed (won).", RefusalOf(DealRules.SetAmount(won, new Money(1, null), _time.GetUtcNow(), new Actor("Dana", "a3"))));
        Assert.Equal("Contoso Ltd is already closed; there is nothing to snooze.", RefusalOf(DealRules.Snooze(won, _time.GetUtcNow().AddDays(1), _time.GetUtcNow(), new Actor("Dana", "a3"))));
    }

    [Fact]
    public void A_date_in_the_past_is_named_in_english()
    {
        var today = new DateOnly(2026, 11, 25);

        Assert.Equal(
            "Tue 24 Nov 2026 is in the past; give a due date from today on.",
            RefusalOf(DealRules.SetNextStep(NewDeal(), "call", today.AddDays(-1), today, _time.GetUtcNow(), new Actor("Dana", "a2"))));
        Assert.Equal(
            "Tue 24 Nov 2026 is in the past; an expected close date is from today on.",
            RefusalOf(DealRules.SetExpectedClose(NewDeal(), today.AddDays(-1), today, _time.GetUtcNow(), new Actor("Dana", "a2"))));
    }

    [Fact]
    public void The_other_refusals_read_as_before()
    {
        var deal = NewDeal();
        var now = _time.GetUtcNow();
        var actor = new Actor("Dana", "a2");
        var lead = _process.FindModel("transactional")!.GetStage("lead")!;

        Assert.Equal("A deal's amount must be more than zero.", RefusalOf(DealRules.SetAmount(deal, new Money(0, null), now, actor)));
        Assert.Equal("Keep the reason under 500 characters.", RefusalOf(DealRules.Close(deal, _consultative, won: false, new string('x', 501), now, actor)));
        Assert.Equal("Say what the next step is, for example: next step for Contoso: send pricing by Friday.", RefusalOf(DealRules.SetNextStep(deal, " ", null, new DateOnly(2026, 11, 25), now, actor)));
        Assert.Equal("Keep the next step under 500 characters.", RefusalOf(DealRules.SetNextStep(deal, new string('x', 501), null, new DateOnly(2026, 11, 25), now, actor)));
        Assert.Equal("Contoso Ltd has moved on to another stage since that checklist was shown.", RefusalOf(DealRules.SetDoneActions(deal, _consultative.GetStage("qualify")!, [], now, actor)));
        Assert.Equal($"{lead.Name} is not a stage of the {_consultative.Name} process.", RefusalOf(DealRules.MoveTo(deal, _consultative, lead, now, actor)));
        Assert.Equal("The Consultative process has no closing stage for a lost deal.", CoreText.Refusal(Refusal.NoClosingStage("Consultative", DealStatus.Lost)));
    }

    [Fact]
    public void Every_refusal_has_words()
    {
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(CoreText.Refusal(new Refusal(code) { DealName = "Contoso", Date = new DateOnly(2026, 11, 24) })), code.ToString());
        }
    }
}
