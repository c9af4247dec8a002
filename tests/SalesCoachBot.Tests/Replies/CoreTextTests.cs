using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Tests.Replies;

/// <summary>What a rep reads about the domain's answers: the rules refuse and the ladder explains in data, the host says it.</summary>
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

    [Fact]
    public void Reminder_reasons_read_as_the_end_of_a_sentence()
    {
        Assert.Equal("it has been in Proposal 2 weeks plus 3 days", CoreText.Reason(new OverAllowedTime("Proposal", TimeSpan.FromDays(14), TimeSpan.FromDays(3))));
        Assert.Equal("it has been in Prospect 1 week plus 1 hour", CoreText.Reason(new OverAllowedTime("Prospect", TimeSpan.FromDays(7), TimeSpan.FromMinutes(90))));
        Assert.Equal("the next step \"call\" was due Fri 20 Nov", CoreText.Reason(new NextStepOverdue("call", new DateOnly(2026, 11, 20))));
        Assert.Equal("it is due for a follow-up in Proposal", CoreText.Reason(new FollowUpDue("Proposal")));
        Assert.Equal("It is due for a follow-up in Proposal", CoreText.CapitalizedReason(new FollowUpDue("Proposal")));
    }

    [Theory]
    [InlineData(7 * 86400, "1 week")]
    [InlineData(14 * 86400, "2 weeks")]
    [InlineData(3 * 86400, "3 days")]
    [InlineData(30, "30 seconds")]
    [InlineData(36 * 3600, "1 day 12 hours")]
    public void Describes_durations_as_a_person_would(int seconds, string expected)
    {
        Assert.Equal(expected, CoreText.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Time_in_stage_is_read_against_the_stage_allowed_time()
    {
        var deal = NewDeal();
        var allowed = _consultative.FirstStage.AllowedTime!.Value;
        _time.Advance(allowed + TimeSpan.FromDays(1));

        var view = DealView.For(deal, _process, _time.GetUtcNow(), new DateOnly(2026, 12, 31));

        Assert.Equal($"{(int)allowed.TotalDays + 1} days of {CoreText.Duration(allowed)}", CoreText.TimeInStage(view));
    }

    [Fact]
    public void Time_in_stage_uses_the_unit_the_allowed_time_is_counted_in()
    {
        var view = DealView.For(NewDeal(), _process, _time.GetUtcNow(), new DateOnly(2026, 11, 25)) with
        {
            TimeInStage = TimeSpan.FromSeconds(150),
            AllowedTime = TimeSpan.FromMinutes(30),
        };

        Assert.Equal("2 minutes of 30 minutes", CoreText.TimeInStage(view));
        Assert.Equal("1 hour", CoreText.TimeInStage(view with { AllowedTime = null, TimeInStage = TimeSpan.FromMinutes(61) }));
    }

    [Fact]
    public void Every_parser_hint_has_words_that_use_what_was_said()
    {
        foreach (var code in Enum.GetValues<Core.Understanding.HintCode>())
        {
            var words = CoreText.Hint(Core.Understanding.ParseHint.Of(code, "first-said", "second-said"));

            Assert.False(string.IsNullOrWhiteSpace(words), $"{code} has no words");
        }

        Assert.Equal(
            "I don't know a 'gigantic' selling model. The models are: transactional, consultative, enterprise.",
            CoreText.Hint(Core.Understanding.ParseHint.Of(Core.Understanding.HintCode.UnknownModel, "gigantic", "transactional, consultative, enterprise")));
    }

    [Theory]
    [InlineData("smb", "a small business customer")]
    [InlineData("enterprise", "an enterprise customer")]
    [InlineData("Existing customer (expansion)", "an existing customer (expansion)")]
    public void A_customer_type_reads_as_english_with_its_article_and_one_customer(string phrase, string expected)
    {
        Assert.Equal(expected, CoreText.CustomerTypeOf(_process.FindCustomerType(phrase) ?? _process.CustomerTypes.First(c => c.Name == phrase)));
    }
}
