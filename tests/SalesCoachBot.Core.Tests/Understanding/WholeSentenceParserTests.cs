using System.Globalization;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>Issue 12, "whole sentences": every part of a message is read, or the message is refused with what did not read.</summary>
public class WholeSentenceParserTests
{
    // Wednesday.
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    private static Command Parse(string text) => CommandParser.Parse(text, _context);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_next_step_after_a_dash_comes_along_with_the_move()
    {
        var move = Assert.IsType<MoveDeal>(Parse("initech to qualify - next step call cfo tmrw"));

        Assert.Equal("qualify", move.StagePhrase);
        Assert.Equal("call cfo", move.Also.NextStepText);
        Assert.Equal(Day("2026-11-26"), move.Also.NextStepDue);
    }

    [Theory]
    [InlineData("move northwind to discovery, 36k, closes jan 15", "discovery", 36_000, "2027-01-15")]
    [InlineData("northwind is in qualify, 35k", "qualify", 35_000, null)]
    [InlineData("moved tailspin to proposal - 42k - closing end of quarter", "proposal", 42_000, "2026-12-31")]
    public void A_move_keeps_an_amount_and_a_close_date_said_after_it(string text, string stage, int amount, string? close)
    {
        var move = Assert.IsType<MoveDeal>(Parse(text));

        Assert.Equal(stage, move.StagePhrase);
        Assert.Equal(amount, move.Also.Amount?.Amount);
        Assert.Equal(close is null ? null : Day(close), move.Also.ExpectedClose);
    }

    [Fact]
    public void A_move_with_facts_that_only_partly_read_is_refused_with_the_words_not_read()
    {
        var refused = Assert.IsType<NotUnderstood>(Parse("move northwind to qualify, 36k, model wholesale"));

        Assert.Equal(HintCode.UnreadableFacts, refused.Hint?.Code);
        Assert.Equal("36k, model wholesale", refused.Hint?.Value(2));
    }

    [Fact]
    public void A_remark_after_a_move_that_holds_no_fact_is_still_only_a_remark()
    {
        var move = Assert.IsType<MoveDeal>(Parse("moved contoso to proposal, the quote was premature"));

        Assert.True(move.Also.IsEmpty);
    }

    [Fact]
    public void A_model_said_among_other_fields_is_one_field_of_the_update()
    {
        var update = Assert.IsType<UpdateDeal>(Parse("woodgrove: 450k, enterprise, closing end of q2, next step security review by dec 18"));

        Assert.Equal("enterprise", update.Fields.ModelPhrase);
        Assert.Equal(450_000m, update.Fields.Amount?.Amount);
        Assert.Equal(Day("2027-06-30"), update.Fields.ExpectedClose);
        Assert.Equal("security review", update.Fields.NextStepText);
        Assert.Equal(Day("2026-12-18"), update.Fields.NextStepDue);
    }

    [Theory]
    [InlineData("whats megans quota", "megans")]
    [InlineData("what is megan s quota", "megan")]
    public void A_quota_asked_with_a_possessive_typed_without_its_apostrophe_names_the_rep(string text, string rep) =>
        Assert.Equal(rep, Assert.IsType<AskQuota>(Parse(text)).RepPhrase);

    [Theory]
    [InlineData("megans deals", "megans")]
    [InlineData("show jordan s pipeline", "jordan")]
    public void A_reps_deals_asked_with_a_possessive_typed_without_its_apostrophe_names_the_rep(string text, string rep) =>
        Assert.Equal(rep, Assert.IsType<ShowRepDeals>(Parse(text)).RepPhrase);

    [Theory]
    [InlineData("whats his quota")]
    [InlineData("show lost deals")]
    [InlineData("list open deals")]
    public void A_word_that_is_not_a_person_is_not_read_as_a_rep(string text) =>
        Assert.IsNotType<ShowRepDeals>(Parse(text));

    [Theory]
    [InlineData("is anyone on my team stuck")]
    [InlineData("who on my team is stuck?")]
    [InlineData("any of my reps stalled")]
    public void A_question_about_who_is_stuck_asks_for_the_stalled_deals(string text) =>
        Assert.IsType<ShowStalled>(Parse(text));

    [Fact]
    public void Anyone_is_never_read_as_a_deal() =>
        Assert.IsType<NotUnderstood>(Parse("is anybody on the team stuck on something"));

    [Theory]
    [InlineData("litware closes in 3 wks", "litware", "2026-12-16")]
    [InlineData("initech pushed to next qtr", "initech", "2027-03-31")]
    [InlineData("fabrikam closes in 2 mos", "fabrikam", "2027-01-25")]
    public void Shortened_date_words_read_as_the_close_date(string text, string deal, string close)
    {
        var set = Assert.IsType<SetCloseDate>(Parse(text));

        Assert.Equal(deal, set.DealPhrase);
        Assert.Equal(Day(close), set.Date);
    }

    [Theory]
    [InlineData("initech - emailed pricing", "initech", ActivityKind.Email, "pricing")]
    [InlineData("woodgrove: call w/ cfo today, wants a discount", "woodgrove", ActivityKind.Call, "wants a discount")]
    public void An_activity_after_the_deal_is_logged_on_that_deal(string text, string deal, ActivityKind kind, string note)
    {
        var logged = Assert.IsType<LogActivity>(Parse(text));

        Assert.Equal(deal, logged.DealPhrase);
        Assert.Equal(kind, logged.Kind);
        Assert.Contains(note, logged.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remark_then_a_move_moves_the_deal_named_in_the_remark()
    {
        var move = Assert.IsType<MoveDeal>(Parse("adv works verbal yes from cfo, moving to negotiation"));

        Assert.Equal("adv works", move.DealPhrase);
        Assert.Equal("negotiation", move.StagePhrase);
    }

    [Theory]
    [InlineData("northwind neg", "northwind", "neg")]
    [InlineData("contoso disc", "contoso", "disc")]
    public void A_deal_then_the_start_of_one_stage_is_a_move_there(string text, string deal, string stage)
    {
        var move = Assert.IsType<MoveDeal>(Parse(text));

        Assert.Equal(deal, move.DealPhrase);
        Assert.Equal(stage, move.StagePhrase);
    }

    [Fact]
    public void The_start_of_two_stages_is_not_a_move() =>
        Assert.IsNotType<MoveDeal>(Parse("contoso pro"));

    [Fact]
    public void Shorthand_amount_and_command_words_are_read()
    {
        var amount = Assert.IsType<SetAmount>(Parse("tailspin emea amt 15k"));
        var created = Assert.IsType<CreateDeal>(Parse("nw deal Litware 15k"));

        Assert.Equal("tailspin emea", amount.DealPhrase);
        Assert.Equal(15_000m, amount.Amount.Amount);
        Assert.Equal("Litware", created.Name);
        Assert.Equal(15_000m, created.Amount?.Amount);
    }

    [Theory]
    [InlineData("new deal Zeta forty thousand", "Zeta", 40_000, null)]
    [InlineData("new deal Gamma twelve thousand dollars", "Gamma", 12_000, "USD")]
    [InlineData("new deal Lambda two million", "Lambda", 2_000_000, null)]
    [InlineData("new deal Theta forty-five k", "Theta", 45_000, null)]
    [InlineData("new deal Iota fifteen hundred dollars", "Iota", 1_500, "USD")]
    [InlineData("new deal Kappa a million euros", "Kappa", 1_000_000, "EUR")]
    public void An_amount_said_in_words_is_the_amount_not_part_of_the_name(string text, string name, int amount, string? currency)
    {
        var created = Assert.IsType<CreateDeal>(Parse(text));

        Assert.Equal(name, created.Name);
        Assert.Equal(new Money(amount, currency), created.Amount);
    }

    [Theory]
    [InlineData("contoso amount fifty thousand", 50_000)]
    [InlineData("contoso is now thirty k", 30_000)]
    public void An_amount_in_words_changes_the_amount(string text, int amount) =>
        Assert.Equal(amount, Assert.IsType<SetAmount>(Parse(text)).Amount.Amount);

    [Theory]
    [InlineData("new deal Four Seasons 20k", "Four Seasons")]
    [InlineData("snooze contoso two weeks", null)]
    public void Number_words_without_a_scale_or_currency_stay_words(string text, string? name)
    {
        var parsed = Parse(text);
        if (name is not null)
        {
            Assert.Equal(name, Assert.IsType<CreateDeal>(parsed).Name);
        }
        else
        {
            Assert.IsType<SnoozeDeal>(parsed);
        }
    }
}
