using System.Globalization;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>People's own words (issue 12): context, typos, whole sentences, activities, and questions that stay questions.</summary>
public class CommandParserPhrasingTests
{
    // Wednesday.
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    private static Command Parse(string text) => CommandParser.Parse(text, _context);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("remind me tomorrow", "", "2026-11-26", null)]
    [InlineData("remind me monday", "", "2026-11-30", null)]
    [InlineData("remind me on friday", "", "2026-11-27", null)]
    [InlineData("remind me about it on friday", "", "2026-11-27", null)]
    [InlineData("ping me again in 3 days", "", "2026-11-28", null)]
    [InlineData("remind me about tailspin monday", "tailspin", "2026-11-30", null)]
    [InlineData("remind me to send the pricing to tailspin friday", "tailspin", "2026-11-27", "send the pricing to tailspin")]
    [InlineData("remind me to call fabrikam on monday", "fabrikam", "2026-11-30", "call fabrikam")]
    [InlineData("remind me to send pricing to tailspin on monday", "tailspin", "2026-11-30", "send pricing to tailspin")]
    [InlineData("remind me to send tailspin the contract friday", "tailspin", "2026-11-27", "send tailspin the contract")]
    public void Remind_me_on_a_day_names_the_deal_or_means_the_one_in_context(string text, string deal, string date, string? note)
    {
        var remind = Assert.IsType<RemindMe>(Parse(text));

        Assert.Equal(deal, remind.DealPhrase);
        Assert.Equal(Day(date), remind.Date);
        Assert.Equal(note, remind.Note);
    }

    [Theory]
    [InlineData("move it to proposal", typeof(MoveDeal))]
    [InlineData("move to proposal", typeof(MoveDeal))]
    [InlineData("it's in negotiation now", typeof(MoveDeal))]
    [InlineData("it's won", typeof(CloseDeal))]
    [InlineData("they went with a competitor", typeof(CloseDeal))]
    [InlineData("delete that deal", typeof(DeleteDeal))]
    [InlineData("this one's transactional", typeof(ChangeModel))]
    [InlineData("show it", typeof(ShowDeal))]
    [InlineData("closes march 3", typeof(SetCloseDate))]
    [InlineData("set the amount to 60k", typeof(SetAmount))]
    [InlineData("log a meeting, they asked for references", typeof(LogActivity))]
    public void A_command_without_a_deal_name_means_the_deal_in_context(string text, Type expected)
    {
        var command = Parse(text);

        Assert.IsType(expected, command);
        Assert.Equal(DealPhrases.Context, (string?)command.GetType().GetProperty("DealPhrase")!.GetValue(command));
    }

    [Theory]
    [InlineData("fabrikam isn't actually lost, reopen it", "fabrikam")]
    [InlineData("got the PO from woodgrove bank, it's a win", "woodgrove bank")]
    [InlineData("we just kicked off the pilot with woodgrove bank, move them to solution design", "woodgrove bank")]
    public void It_in_a_second_clause_is_the_deal_named_in_the_first(string text, string deal)
    {
        var command = Parse(text);

        Assert.Equal(deal, (string?)command.GetType().GetProperty("DealPhrase")!.GetValue(command));
    }

    [Theory]
    [InlineData("mvoe contoso to propsal", "contoso", "propsal")]
    [InlineData("move fabrikam to discovry", "fabrikam", "discovry")]
    [InlineData("wingtip toys is in proposl", "wingtip toys", "proposl")]
    [InlineData("we're in proposal with northwind", "northwind", "proposal")]
    [InlineData("woodgrove bank -> solution design", "woodgrove bank", "solution design")]
    [InlineData("proseware moved into POC last week", "proseware", "POC")]
    public void A_stage_move_reads_through_typos_and_word_order(string text, string deal, string stage)
    {
        var move = Assert.IsType<MoveDeal>(Parse(text));

        Assert.Equal(deal, move.DealPhrase);
        Assert.Equal(stage, move.StagePhrase);
    }

    [Theory]
    [InlineData("change contoso to transactional", typeof(ChangeModel))]
    [InlineData("change contoso to proposal", typeof(MoveDeal))]
    [InlineData("bump northwind to 80k", typeof(SetAmount))]
    [InlineData("bump fabrikam to the next stage", typeof(AdvanceDeal))]
    [InlineData("tailspin is a small business", typeof(SetCustomerType))]
    [InlineData("fabrikam is enterprise", typeof(ChangeModel))]
    [InlineData("woodgrove bank is an enterprise customer", typeof(SetCustomerType))]
    public void The_process_decides_whether_a_phrase_is_a_stage_a_model_or_a_customer_type(string text, Type expected)
    {
        Assert.IsType(expected, Parse(text));
    }

    [Fact]
    public void A_new_deal_sentence_carries_every_field()
    {
        var create = Assert.IsType<CreateDeal>(Parse("new deal Fabrikam 40k in discovery closing end of quarter, next step demo friday"));

        Assert.Equal("Fabrikam", create.Name);
        Assert.Equal(40_000m, create.Amount?.Amount);
        Assert.Equal("discovery", create.StagePhrase);
        Assert.Equal(Day("2026-12-31"), create.ExpectedClose);
        Assert.Equal("demo", create.NextStepText);
        Assert.Equal(Day("2026-11-27"), create.NextStepDue);
    }

    [Theory]
    [InlineData("Add new deal: Litware Inc, $75,000, transactional", "Litware Inc", "75000", "transactional", null)]
    [InlineData("start a new deal for Fourth Coffee, small business, $6,500", "Fourth Coffee", "6500", null, "smb")]
    [InlineData("New deal - Blue Yonder Airlines - $250k - enterprise - closing Q2", "Blue Yonder Airlines", "250000", "enterprise", null)]
    public void A_new_deal_reads_its_fields_in_any_order(string text, string name, string amount, string? model, string? customerType)
    {
        var create = Assert.IsType<CreateDeal>(Parse(text));

        Assert.Equal(name, create.Name);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), create.Amount?.Amount);
        Assert.Equal(model, create.ModelId);
        Assert.Equal(customerType, create.CustomerTypePhrase);
    }

    [Fact]
    public void Several_fields_of_an_existing_deal_are_one_update()
    {
        var update = Assert.IsType<UpdateDeal>(Parse("fabrikam: 30k, closes march 3"));

        Assert.Equal("fabrikam", update.DealPhrase);
        Assert.Equal(30_000m, update.Fields.Amount?.Amount);
        Assert.Equal(Day("2027-03-03"), update.Fields.ExpectedClose);
    }

    [Fact]
    public void A_move_keeps_the_facts_said_with_it()
    {
        var move = Assert.IsType<MoveDeal>(Parse("moved contoso to proposal, 50k, closing dec 20"));

        Assert.Equal(50_000m, move.Also.Amount?.Amount);
        Assert.Equal(Day("2026-12-20"), move.Also.ExpectedClose);
    }

    [Theory]
    [InlineData("lost contoso to a competitor", "contoso", false, "a competitor")]
    [InlineData("fabrikam went with someone else", "fabrikam", false, "someone else")]
    [InlineData("tailspin lost - no budget", "tailspin", false, "no budget")]
    [InlineData("signed fabrikam", "fabrikam", true, null)]
    [InlineData("we closed the blue yonder deal today", "blue yonder", true, null)]
    [InlineData("closed lost contoso", "contoso", false, null)]
    [InlineData("we won contoso 🎉", "contoso", true, null)]
    public void Wins_and_losses_read_with_their_reason(string text, string deal, bool won, string? reason)
    {
        var close = Assert.IsType<CloseDeal>(Parse(text));

        Assert.Equal(deal, close.DealPhrase);
        Assert.Equal(won, close.Won);
        Assert.Equal(reason, close.Reason);
    }

    [Theory]
    [InlineData("closed fabrikam for 52k", 52_000)]
    [InlineData("fabrikam won 45k", 45_000)]
    [InlineData("contoso pharma: closed won at $48,500", 48_500)]
    public void A_win_keeps_its_final_amount(string text, int amount)
    {
        Assert.Equal(amount, Assert.IsType<CloseDeal>(Parse(text)).Amount?.Amount);
    }

    [Theory]
    [InlineData("push fabrikam out two weeks", 14, 0)]
    [InlineData("pull wingtip in by a week", -7, 0)]
    [InlineData("contoso pharma slipped a month", 0, 1)]
    public void A_close_date_shift_reads_days_and_months(string text, int days, int months)
    {
        var shift = Assert.IsType<ShiftCloseDate>(Parse(text));

        Assert.Equal(days, shift.Days);
        Assert.Equal(months, shift.Months);
    }

    [Theory]
    [InlineData("called contoso about pricing", "contoso", ActivityKind.Call, "2026-11-25", "pricing")]
    [InlineData("had a demo w/ relecloud on friday, went well", "relecloud", ActivityKind.Demo, "2026-11-20", "went well")]
    [InlineData("met with the CFO at adventure works on monday", "adventure works", ActivityKind.Meeting, "2026-11-23", null)]
    [InlineData("sent the proposal to alpine ski house", "alpine ski house", ActivityKind.ProposalSent, "2026-11-25", "proposal")]
    [InlineData("log a call with tailspin: they want a discount", "tailspin", ActivityKind.Call, "2026-11-25", "they want a discount")]
    public void An_activity_reads_its_kind_the_day_it_happened_and_a_note(string text, string deal, ActivityKind kind, string date, string? note)
    {
        var activity = Assert.IsType<LogActivity>(Parse(text));

        Assert.Equal(deal, activity.DealPhrase);
        Assert.Equal(kind, activity.Kind);
        Assert.Equal(Day(date), activity.Date);
        Assert.Equal(note, activity.Note);
    }

    [Fact]
    public void Remind_me_about_a_deal_is_a_reminder_not_a_snooze()
    {
        var remind = Assert.IsType<RemindMe>(Parse("remind me about tailspin tomorrow"));

        Assert.Equal("tailspin", remind.DealPhrase);
        Assert.Equal(Day("2026-11-26"), remind.Date);
    }

    [Theory]
    [InlineData("what's my forecast this quarter", InsightKind.Forecast, PeriodKind.ThisQuarter)]
    [InlineData("whats my commit for Q1", InsightKind.Forecast, PeriodKind.NextQuarter)]
    [InlineData("how many deals have I won this year", InsightKind.Stats, PeriodKind.ThisYear)]
    [InlineData("what do I have due today?", InsightKind.Due, PeriodKind.Today)]
    [InlineData("team win rate this quarter", InsightKind.TeamStats, PeriodKind.ThisQuarter)]
    public void A_question_about_results_is_answered_not_turned_into_a_deal(string text, InsightKind kind, PeriodKind period)
    {
        var ask = Assert.IsType<AskInsight>(Parse(text));

        Assert.Equal(kind, ask.Kind);
        Assert.Equal(period, ask.Period);
    }

    [Theory]
    [InlineData("contoso won?")]
    [InlineData("who won the game last night?")]
    [InlineData("my laptop is dead")]
    [InlineData("I lost my badge")]
    [InlineData("move the standup to 10")]
    [InlineData("can you rename the channel to sales-west")]
    [InlineData("the printer on 3 is jammed again")]
    [InlineData("delete my account")]
    [InlineData("remind me to buy milk tomorrow")]
    [InlineData("meeting with contoso tomorrow")]
    [InlineData("move contoso to negotiation and push close out 2 weeks")]
    [InlineData("emailed IT about my laptop")]
    [InlineData("new deal 45k")]
    public void Everyday_talk_and_questions_never_change_a_deal(string text)
    {
        var command = Parse(text);

        Assert.True(command is NotUnderstood or ShowDeal or AskInsight, $"{text} → {command}");
    }

    [Fact]
    public void A_near_miss_offers_the_nearest_command()
    {
        var reply = Assert.IsType<NotUnderstood>(Parse("move the standup to 10"));

        Assert.Equal(HintCode.HowToMove, reply.Hint!.Code);
    }

    [Theory]
    [InlineData("snooze contoso 99999999999 days")]
    [InlineData("push contoso out 99999999999 days")]
    [InlineData("snooze contoso ٣ days")]
    [InlineData("snooze contoso 20000000 days")]
    [InlineData("snooze contoso 2147483647 days")]
    [InlineData("snooze contoso 400000 months")]
    [InlineData("push contoso out 20000000 days")]
    [InlineData("push contoso out 3000000 days")]
    [InlineData("push contoso out 200000 months")]
    public void A_huge_or_foreign_number_is_refused_not_thrown(string text)
    {
        Assert.IsType<NotUnderstood>(Parse(text));
    }

    [Theory]
    [InlineData("٣")]
    [InlineData("contoso is ٤٥k")]
    [InlineData("new deal Contoso ٣٠k")]
    [InlineData("remind me about contoso in 99999999999 days")]
    [InlineData("contoso closes in 99999999999 months")]
    [InlineData("push contoso out 2147483648 weeks")]
    public void Odd_numbers_never_throw_and_never_become_an_amount(string text)
    {
        var command = Parse(text);

        Assert.False(command is SetAmount, $"{text} → {command}");
        Assert.Null((command as CreateDeal)?.Amount);
    }
}
