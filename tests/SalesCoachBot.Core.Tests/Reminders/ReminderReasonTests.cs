using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;

namespace SalesCoachBot.Core.Tests.Reminders;

public class ReminderReasonTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _model = _process.FindModel("consultative")!;
    private static readonly DateTimeOffset _entered = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static Deal Deal(NextStep? step = null) =>
        DealRules.Create(new OwnerKey("t", "dana"), "Contoso", null, _model, _entered, new Actor("dana", "a")).Deal! with { NextStep = step };

    [Fact]
    public void A_next_step_whose_day_has_passed_where_the_rep_is_comes_first()
    {
        var stage = _model.FirstStage;
        var now = _entered + stage.AllowedTime!.Value + TimeSpan.FromDays(2);
        var due = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);

        var reason = ReminderReason.For(Deal(new NextStep("call the CFO", due, _entered)), stage, now, _berlin);

        Assert.Equal(new NextStepOverdue("call the CFO", due), reason);
    }

    [Fact]
    public void Time_in_the_stage_beyond_what_it_allows_says_by_how_much()
    {
        var stage = _model.FirstStage;
        var now = _entered + stage.AllowedTime!.Value + TimeSpan.FromHours(30);

        var reason = ReminderReason.For(Deal(), stage, now, _berlin);

        Assert.Equal(new OverAllowedTime(stage.Name, stage.AllowedTime.Value, TimeSpan.FromHours(30)), reason);
    }

    [Fact]
    public void Otherwise_it_is_a_follow_up()
    {
        var stage = _model.FirstStage;

        var reason = ReminderReason.For(Deal(), stage, _entered + TimeSpan.FromDays(1), _berlin);

        Assert.Equal(new FollowUpDue(stage.Name), reason);
    }
}
