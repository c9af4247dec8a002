using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Deals;

public class DealRulesTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _consultative = _process.FindModel("consultative")!;
    private static readonly OwnerKey _dana = new("tenant-1", "dana");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private Deal NewDeal(string name = "Contoso Ltd", string? activity = "a1") =>
        DealRules.Create(_dana, name, new Money(45_000, "USD"), _consultative, _time.GetUtcNow(), new Actor("Dana", activity)).Deal!;

    private static Stage Stage(string id) => _consultative.GetStage(id)!;

    [Fact]
    public void A_new_deal_starts_in_the_first_stage_of_its_model_with_its_creation_in_the_history()
    {
        var deal = NewDeal();

        Assert.Equal("prospect", deal.StageId);
        Assert.Equal(DealStatus.Open, deal.Status);
        var created = Assert.Single(deal.History);
        Assert.Null(created.FromStageId);
        Assert.Equal("prospect", created.ToStageId);
        Assert.Equal("Dana", created.By);
    }

    [Fact]
    public void The_same_activity_creates_the_same_deal_id_so_a_retry_cannot_create_a_twin()
    {
        Assert.Equal(NewDeal(activity: "a1").Id, NewDeal(activity: "a1").Id);
        Assert.NotEqual(NewDeal(activity: "a1").Id, NewDeal(activity: "a2").Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_deal_needs_a_name(string name)
    {
        var change = DealRules.Create(_dana, name, null, _consultative, _time.GetUtcNow(), new Actor("Dana", "a"));

        Assert.Null(change.Deal);
        Assert.Equal(Refusal.NameMissing(), change.Refusal);
    }

    [Theory]
    [InlineData("", RefusalCode.NameMissing)]
    [InlineData("  \t ", RefusalCode.NameMissing)]
    [InlineData("!!!", RefusalCode.NameMissing)]
    [InlineData("...", RefusalCode.NameMissing)]
    [InlineData("Undo Labs", RefusalCode.NameReadsAsUndo)]
    [InlineData("undo", RefusalCode.NameReadsAsUndo)]
    [InlineData("121", null)]
    [InlineData("Contoso (renewal)", null)]
    public void A_rename_refuses_exactly_the_names_a_new_deal_refuses(string name, RefusalCode? refused)
    {
        var actor = new Actor("Dana", "a");

        var created = DealRules.Create(_dana, name, null, _consultative, _time.GetUtcNow(), actor);
        var renamed = DealRules.Rename(NewDeal(), name, _time.GetUtcNow(), actor);

        Assert.Equal(refused, created.Refusal?.Code);
        Assert.Equal(refused, renamed.Refusal?.Code);
        Assert.Equal(refused, DealRules.NameRefusal(DealRules.CleanText(name))?.Code);
    }

    [Fact]
    public void A_rename_refuses_an_overlong_name_as_a_new_deal_does()
    {
        var name = new string('x', DealRules.MaxNameLength + 1);

        var renamed = DealRules.Rename(NewDeal(), name, _time.GetUtcNow(), new Actor("Dana", "a"));

        Assert.Equal(DealRules.Create(_dana, name, null, _consultative, _time.GetUtcNow(), new Actor("Dana", "a")).Refusal, renamed.Refusal);
        Assert.Equal(RefusalCode.NameTooLong, renamed.Refusal?.Code);
        Assert.Null(DealRules.Rename(NewDeal(), new string('x', DealRules.MaxNameLength), _time.GetUtcNow(), new Actor("Dana", "a")).Refusal);
    }

    [Fact]
    public void An_overlong_name_is_refused_with_the_limit()
    {
        var change = DealRules.Create(_dana, new string('x', 200), null, _consultative, _time.GetUtcNow(), new Actor("Dana", "a"));

        Assert.Equal(RefusalCode.NameTooLong, change.Refusal?.Code);
        Assert.Equal(120, change.Refusal?.Limit);
    }

    [Fact]
    public void Control_characters_and_runs_of_spaces_are_cleaned_from_names()
    {
        Assert.Equal("Contoso Ltd", NewDeal("  Contoso\u0007\n\t  Ltd ").Name);
    }

    [Fact]
    public void Moving_records_the_stage_change_and_restarts_the_clock()
    {
        var deal = NewDeal();
        _time.Advance(TimeSpan.FromDays(3));

        var moved = DealRules.MoveTo(deal, _consultative, Stage("qualify"), _time.GetUtcNow(), new Actor("Dana", "a2")).Deal!;

        Assert.Equal("qualify", moved.StageId);
        Assert.Equal(_time.GetUtcNow(), moved.StageEnteredAt);
        Assert.Equal(new StageChange("prospect", "qualify", _time.GetUtcNow(), "Dana"), moved.History[^1]);
        Assert.True(moved.HasApplied("a2"));
    }

    [Fact]
    public void Moving_to_the_stage_it_is_in_is_refused()
    {
        var change = DealRules.MoveTo(NewDeal(), _consultative, Stage("prospect"), _time.GetUtcNow(), new Actor("Dana", "a2"));

        Assert.Equal(Refusal.AlreadyInStage("Contoso Ltd", "Prospect"), change.Refusal);
    }

    [Fact]
    public void Winning_closes_the_deal_and_makes_the_first_follow_up_its_dated_next_step()
    {
        var deal = DealRules.SetNextStep(NewDeal(), "send pricing", null, new DateOnly(2026, 11, 25), _time.GetUtcNow(), new Actor("Dana", "a2")).Deal!;

        var won = DealRules.Close(deal, _consultative, won: true, null, _time.GetUtcNow(), new Actor("Dana", "a3")).Deal!;

        Assert.Equal(DealStatus.Won, won.Status);
        Assert.Equal("closed-won", won.StageId);
        var followUp = _consultative.GetStage("closed-won")!.FollowUps[0];
        Assert.Equal(followUp, won.NextStep!.Text);
        Assert.True(won.NextStep.Due > new DateOnly(2026, 11, 25));
        Assert.Equal(_time.GetUtcNow(), won.ClosedAt);
    }

    [Fact]
    public void Losing_keeps_the_reason()
    {
        var lost = DealRules.Close(NewDeal(), _consultative, won: false, "went with a competitor", _time.GetUtcNow(), new Actor("Dana", "a2")).Deal!;

        Assert.Equal(DealStatus.Lost, lost.Status);
        Assert.Equal("went with a competitor", lost.LostReason);
    }

    [Fact]
    public void A_closed_deal_cannot_be_changed()
    {
        var won = DealRules.Close(NewDeal(), _consultative, won: true, null, _time.GetUtcNow(), new Actor("Dana", "a2")).Deal!;

        var change = DealRules.SetAmount(won, new Money(1, null), _time.GetUtcNow(), new Actor("Dana", "a3"));

        Assert.Equal(Refusal.AlreadyClosed("Contoso Ltd", DealStatus.Won), change.Refusal);
    }

    [Fact]
    public void A_next_step_due_in_the_past_is_refused()
    {
        var today = new DateOnly(2026, 11, 25);

        var change = DealRules.SetNextStep(NewDeal(), "call", today.AddDays(-1), today, _time.GetUtcNow(), new Actor("Dana", "a2"));

        Assert.Equal(Refusal.NextStepDueInPast(today.AddDays(-1)), change.Refusal);
    }

    [Fact]
    public void Each_refusal_names_its_rule_and_the_values_a_reply_needs()
    {
        var now = _time.GetUtcNow();
        var today = new DateOnly(2026, 11, 25);
        var actor = new Actor("Dana", "a2");
        var deal = NewDeal();
        var won = DealRules.Close(deal, _consultative, won: true, null, now, actor).Deal!;
        var otherModel = _process.Models.First(m => m.Id != _consultative.Id);
        var foreignStage = otherModel.Stages.First(s => _consultative.GetStage(s.Id) is null);

        Assert.Equal(Refusal.AmountNotPositive(), DealRules.SetAmount(deal, new Money(0, null), now, actor).Refusal);
        Assert.Equal(Refusal.ReasonTooLong(DealRules.MaxReasonLength), DealRules.Close(deal, _consultative, won: false, new string('x', 501), now, actor).Refusal);
        Assert.Equal(Refusal.NextStepMissing(), DealRules.SetNextStep(deal, "  ", null, today, now, actor).Refusal);
        Assert.Equal(Refusal.NextStepTooLong(DealRules.MaxNextStepLength), DealRules.SetNextStep(deal, new string('x', 501), null, today, now, actor).Refusal);
        Assert.Equal(Refusal.ExpectedCloseInPast(today.AddDays(-1)), DealRules.SetExpectedClose(deal, today.AddDays(-1), today, now, actor).Refusal);
        Assert.Equal(Refusal.MovedOnSinceChecklist("Contoso Ltd"), DealRules.SetDoneActions(deal, Stage("qualify"), [], now, actor).Refusal);
        Assert.Equal(Refusal.NothingToSnooze("Contoso Ltd"), DealRules.Snooze(won, now.AddDays(1), now, actor).Refusal);
        Assert.Equal(Refusal.NotAStageOfModel(foreignStage.Name, _consultative.Name), DealRules.MoveTo(deal, _consultative, foreignStage, now, actor).Refusal);
    }

    [Fact]
    public void A_deal_remembers_only_its_recent_activities()
    {
        var deal = NewDeal();
        for (var i = 0; i < 30; i++)
        {
            deal = DealRules.SetAmount(deal, new Money(1000 + i, null), _time.GetUtcNow(), new Actor("Dana", $"x{i}")).Deal!;
        }

        Assert.Equal(Deal.RememberedActivities, deal.AppliedActivities.Count);
        Assert.True(deal.HasApplied("x29"));
        Assert.False(deal.HasApplied("x0"));
    }

    [Fact]
    public void Time_in_stage_is_read_against_the_stage_allowed_time()
    {
        var deal = NewDeal();
        var allowed = _consultative.FirstStage.AllowedTime!.Value;
        _time.Advance(allowed + TimeSpan.FromDays(1));

        var view = DealView.For(deal, _process, _time.GetUtcNow(), new DateOnly(2026, 12, 31));

        Assert.Equal(allowed + TimeSpan.FromDays(1), view.TimeInStage);
        Assert.Equal(allowed, view.AllowedTime);
        Assert.True(view.IsOverdue);
    }

    [Fact]
    public void An_amount_without_a_currency_keeps_the_deals_and_one_with_a_currency_replaces_it()
    {
        var deal = NewDeal();
        var now = _time.GetUtcNow();

        Assert.Equal(new Money(40_000, "USD"), DealRules.SetAmount(deal, new Money(40_000, null), now, new Actor("Dana", "a2")).Deal!.Amount);
        Assert.Equal(new Money(40_000, "EUR"), DealRules.SetAmount(deal, new Money(40_000, "EUR"), now, new Actor("Dana", "a3")).Deal!.Amount);
        var none = DealRules.Create(_dana, "Fabrikam", null, _consultative, now, new Actor("Dana", "a4")).Deal!;
        Assert.Equal(new Money(40_000, null), DealRules.SetAmount(none, new Money(40_000, null), now, new Actor("Dana", "a5")).Deal!.Amount);
    }

    [Fact]
    public void The_reps_usual_currency_is_the_one_all_the_deals_given_with_an_amount_share()
    {
        var now = _time.GetUtcNow();
        Deal With(string name, Money? amount) => DealRules.Create(_dana, name, amount, _consultative, now, new Actor("Dana", name)).Deal!;
        var dollars = With("A", new Money(1, "USD"));
        var noAmount = With("B", null);
        var euros = With("C", new Money(1, "EUR"));
        var lostInEuros = DealRules.Close(euros, _consultative, won: false, null, now, new Actor("Dana", "c2")).Deal!;

        Assert.Equal("USD", DealRules.UsualCurrency(new[] { dollars, noAmount, lostInEuros }.Where(d => d.IsOpen)));
        Assert.Null(DealRules.UsualCurrency([dollars, lostInEuros]));
        Assert.Null(DealRules.UsualCurrency([dollars, euros]));
        Assert.Null(DealRules.UsualCurrency([noAmount]));
        Assert.Null(DealRules.UsualCurrency([dollars, With("D", new Money(1, null))]));
    }

    [Fact]
    public void Reopening_a_won_or_lost_deal_puts_back_the_next_step_it_had_before_it_closed()
    {
        var now = _time.GetUtcNow();
        var today = new DateOnly(2026, 11, 25);
        var deal = DealRules.SetNextStep(NewDeal(), "Send the calendar invite", today.AddDays(2), today, now, new Actor("Dana", "a2")).Deal!;
        var step = deal.NextStep;

        var won = DealRules.Close(deal, _consultative, won: true, null, now, new Actor("Dana", "a3")).Deal!;
        Assert.NotEqual(step, won.NextStep);
        Assert.Equal(step, DealRules.Reopen(won, _consultative, now, new Actor("Dana", "a4")).Deal!.NextStep);

        var lost = DealRules.Close(deal, _consultative, won: false, "budget", now, new Actor("Dana", "a5")).Deal!;
        Assert.Equal(step, DealRules.Reopen(lost, _consultative, now, new Actor("Dana", "a6")).Deal!.NextStep);

        // A deal closed before the step was kept, with nothing in its undo trail: no next step, not the won follow-up.
        var wonLongAgo = won with { NextStepBeforeClose = null, Undo = [] };
        Assert.Null(DealRules.Reopen(wonLongAgo, _consultative, now, new Actor("Dana", "a7")).Deal!.NextStep);
    }

    [Theory]
    [InlineData("negotiation", "enterprise", "negotiation")]
    [InlineData("proposal", "enterprise", "proposal")]
    [InlineData("qualify", "enterprise", "qualify")]
    [InlineData("discovery", "transactional", "quote")]
    [InlineData("proposal", "transactional", "quote")]
    public void A_change_of_model_keeps_the_stage_where_the_new_model_has_it_and_else_its_place(string stage, string model, string expected)
    {
        var deal = NewDeal() with { StageId = stage };

        var changed = DealRules.ChangeModel(deal, _consultative, _process.FindModel(model)!, _time.GetUtcNow(), new Actor("Dana", "m1")).Deal!;

        Assert.Equal(expected, changed.StageId);
    }

    [Fact]
    public void A_change_of_model_that_keeps_the_stage_adds_no_stage_change_to_the_history()
    {
        var deal = NewDeal() with { StageId = "negotiation" };

        var kept = DealRules.ChangeModel(deal, _consultative, _process.FindModel("enterprise")!, _time.GetUtcNow(), new Actor("Dana", "m1")).Deal!;
        var moved = DealRules.ChangeModel(deal, _consultative, _process.FindModel("transactional")!, _time.GetUtcNow(), new Actor("Dana", "m2")).Deal!;

        Assert.Equal(deal.History, kept.History);
        Assert.Equal(("negotiation", "quote"), (moved.History[^1].FromStageId, moved.History[^1].ToStageId));
    }
}
