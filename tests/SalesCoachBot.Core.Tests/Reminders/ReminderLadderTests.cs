using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;

namespace SalesCoachBot.Core.Tests.Reminders;

public class ReminderLadderTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _model = _process.FindModel("consultative")!;
    private static readonly DateTimeOffset _start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Deal NewDeal() => ReminderLadder.AfterChange(null, DealRules.Create(new OwnerKey("t", "u"), "Contoso", null, _model, _start, new Actor("Dana", "a1")).Deal!, _process);

    private static Stage Prospect => _model.FirstStage;

    [Fact]
    public void The_first_reminder_is_due_when_the_stage_allowed_time_passes()
    {
        var deal = NewDeal();

        Assert.Equal(_start + Prospect.AllowedTime!.Value, ReminderLadder.NextDue(deal, Prospect, _process.Defaults, TimeZoneInfo.Utc));
        Assert.Equal(deal.Reminder.DueAt, ReminderLadder.NextDue(deal, Prospect, _process.Defaults, TimeZoneInfo.Utc));
    }

    [Fact]
    public void An_overdue_next_step_makes_the_reminder_due_after_its_day_ends_for_the_rep()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var deal = DealRules.SetNextStep(NewDeal(), "call", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 25), _start, new Actor("Dana", "a2")).Deal!;

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), ReminderLadder.NextDue(deal, Prospect, _process.Defaults, berlin));
    }

    [Fact]
    public void The_indexed_instant_is_never_later_than_the_exact_one_in_any_time_zone()
    {
        var deal = ReminderLadder.AfterChange(null, DealRules.SetNextStep(NewDeal(), "call", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 25), _start, new Actor("Dana", "a2")).Deal!, _process);

        foreach (var zone in new[] { "Pacific/Kiritimati", "Europe/Berlin", "America/Los_Angeles", "Pacific/Pago_Pago" }.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            Assert.True(deal.Reminder.DueAt <= ReminderLadder.NextDue(deal, Prospect, _process.Defaults, zone), zone.Id);
        }
    }

    [Fact]
    public void The_second_reminder_comes_after_the_grace_and_the_manager_after_the_escalation_grace()
    {
        var firstSent = _start + TimeSpan.FromDays(15);
        var deal = NewDeal() with { Reminder = new ReminderState { Sent = Rung.FirstReminder, LastSentAt = firstSent } };
        var afterSecond = deal with { Reminder = new ReminderState { Sent = Rung.SecondReminder, LastSentAt = firstSent + TimeSpan.FromDays(2) } };

        Assert.Equal(firstSent + (Prospect.ReminderGrace ?? _process.Defaults.ReminderGrace), ReminderLadder.NextDue(deal, Prospect, _process.Defaults, TimeZoneInfo.Utc));
        Assert.Equal(firstSent + TimeSpan.FromDays(2) + (Prospect.EscalationGrace ?? _process.Defaults.EscalationGrace), ReminderLadder.NextDue(afterSecond, Prospect, _process.Defaults, TimeZoneInfo.Utc));
        Assert.Null(ReminderLadder.NextDue(deal with { Reminder = new ReminderState { Sent = Rung.ManagerNudge, LastSentAt = firstSent } }, Prospect, _process.Defaults, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_snooze_holds_the_next_rung_until_it_ends()
    {
        var snoozed = NewDeal();
        var until = _start + TimeSpan.FromDays(30);
        snoozed = ReminderLadder.AfterChange(snoozed, snoozed with { Reminder = snoozed.Reminder with { SnoozedUntil = until } }, _process);

        Assert.Equal(until, snoozed.Reminder.DueAt);
    }

    [Fact]
    public void Progress_cancels_pending_reminders_and_restarts_the_clock()
    {
        var reminded = NewDeal() with { Reminder = new ReminderState { Sent = Rung.SecondReminder, LastSentAt = _start + TimeSpan.FromDays(16) } };
        var later = _start + TimeSpan.FromDays(17);

        var moved = ReminderLadder.AfterChange(reminded, DealRules.MoveTo(reminded, _model, _model.GetStage("qualify")!, later, new Actor("Dana", "a3")).Deal!, _process);

        Assert.Equal(Rung.None, moved.Reminder.Sent);
        Assert.Equal(later + _model.GetStage("qualify")!.AllowedTime!.Value, moved.Reminder.DueAt);
    }

    [Fact]
    public void A_change_that_is_not_progress_keeps_the_ladder_where_it_is()
    {
        var reminded = NewDeal() with { Reminder = new ReminderState { Sent = Rung.FirstReminder, LastSentAt = _start + TimeSpan.FromDays(15) } };

        var changed = ReminderLadder.AfterChange(reminded, reminded with { Amount = new SalesCoachBot.Core.Understanding.Money(5, null) }, _process);

        Assert.Equal(Rung.FirstReminder, changed.Reminder.Sent);
    }

    [Fact]
    public void A_lost_deal_has_nothing_due()
    {
        var lost = ReminderLadder.AfterChange(NewDeal(), DealRules.Close(NewDeal(), _model, won: false, "no budget", _start, new Actor("Dana", "a4")).Deal!, _process);

        Assert.Null(lost.Reminder.DueAt);
    }

    [Fact]
    public void A_won_deal_is_due_only_when_its_follow_up_date_has_passed()
    {
        var won = ReminderLadder.AfterChange(NewDeal(), DealRules.Close(NewDeal(), _model, won: true, null, _start, new Actor("Dana", "a4")).Deal!, _process);

        var due = won.NextStep!.Due!.Value;
        Assert.Equal(new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ReminderLadder.NextDue(won, _model.ClosingStage(StageOutcome.Won)!, _process.Defaults, TimeZoneInfo.Utc));
        Assert.NotNull(won.Reminder.DueAt);
    }
}
