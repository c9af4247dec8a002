using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

/// <summary>"Next steps set and done on time": the deal's bounded next-step history and what my stats count from it.</summary>
public class NextStepHistoryTests
{
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static ReportPeriod November(TimeZoneInfo zone) => ReportPeriod.For(PeriodKind.ThisMonth, new DateOnly(2026, 11, 20), zone);

    private static PeriodFigures Figures(TimeZoneInfo zone, params Deal[] deals) => RepStats.Figures(deals, TheProcess, November(zone), At(11, 30, 12));

    [Fact]
    public void Setting_a_next_step_remembers_it_and_replacing_it_ends_the_one_before()
    {
        Deal deal = Created(At(11, 2)).StepSet(new DateOnly(2026, 11, 6), At(11, 3)).StepSet(new DateOnly(2026, 11, 13), At(11, 9));

        Assert.Equal(2, deal.NextStepHistory.Count);
        Assert.Equal((At(11, 3), new DateOnly(2026, 11, 6), At(11, 9)), (deal.NextStepHistory[0].SetAt, deal.NextStepHistory[0].Due, deal.NextStepHistory[0].EndedAt));
        Assert.Null(deal.NextStepHistory[0].DoneAt); // replaced with nothing done on the deal: not done
        Assert.Null(deal.NextStepHistory[1].EndedAt);
    }

    [Fact]
    public void An_activity_done_after_the_step_was_set_makes_it_done_on_the_activitys_day()
    {
        Deal deal = Created(At(11, 2)).StepSet(new DateOnly(2026, 11, 6), At(11, 3)).Logged(ActivityKind.Call, new DateOnly(2026, 11, 5), At(11, 7));

        var step = Assert.Single(deal.NextStepHistory);
        Assert.Equal((At(11, 7), new DateOnly(2026, 11, 5)), (step.DoneAt, step.DoneOn));
    }

    [Fact]
    public void Moving_forward_makes_the_step_done_and_moving_back_does_not()
    {
        Deal back = Created(At(11, 2)).MovedTo("qualify", At(11, 2, 10)).StepSet(null, At(11, 3)).MovedTo("prospect", At(11, 4));
        Deal forward = Created(At(11, 2)).StepSet(null, At(11, 3)).MovedTo("qualify", At(11, 4));

        Assert.Null(Assert.Single(back.NextStepHistory).DoneAt);
        Assert.Equal(At(11, 4), Assert.Single(forward.NextStepHistory).DoneAt);
    }

    [Fact]
    public void A_loss_ends_the_open_step_and_a_win_makes_it_done_and_starts_the_follow_up()
    {
        Deal lost = Created(At(11, 2)).StepSet(null, At(11, 3)).Lost(At(11, 5));
        Deal won = Created(At(11, 2)).StepSet(null, At(11, 3)).Won(At(11, 5));

        var dropped = Assert.Single(lost.NextStepHistory);
        Assert.Equal((null, At(11, 5)), (dropped.DoneAt, dropped.EndedAt));
        Assert.Equal(At(11, 5), won.NextStepHistory[0].DoneAt);
        Assert.Equal(won.NextStep!.SetAt, won.NextStepHistory[^1].SetAt); // the won stage's first follow-up
    }

    [Fact]
    public void The_history_keeps_the_latest_fifty_steps()
    {
        var story = Created(At(1, 1));
        for (var i = 0; i < 60; i++)
        {
            story.StepSet(null, At(1, 2).AddHours(i));
        }

        Assert.Equal(DealRules.MaxNextStepHistory, story.Deal.NextStepHistory.Count);
        Assert.Equal(At(1, 2).AddHours(59), story.Deal.NextStepHistory[^1].SetAt);
    }

    [Fact]
    public void My_stats_count_steps_set_done_and_done_by_their_due_date()
    {
        // Set 3 Nov due 6 Nov, done 5 Nov: on time. Set 9 Nov due 10 Nov, done 12 Nov: late. Set 16 Nov with no date, done
        // 17 Nov. Set 20 Nov due 24 Nov, not done.
        Deal deal = Created(At(11, 2))
            .StepSet(new DateOnly(2026, 11, 6), At(11, 3)).Logged(ActivityKind.Call, new DateOnly(2026, 11, 5), At(11, 5))
            .StepSet(new DateOnly(2026, 11, 10), At(11, 9)).Logged(ActivityKind.Email, new DateOnly(2026, 11, 12), At(11, 12))
            .StepSet(null, At(11, 16)).MovedTo("qualify", At(11, 17))
            .StepSet(new DateOnly(2026, 11, 24), At(11, 20));

        var figures = Figures(TimeZoneInfo.Utc, deal);

        Assert.Equal((4, 3, 2, 1), (figures.NextStepsSet, figures.NextStepsDone, figures.NextStepsDoneWithDue, figures.NextStepsDoneOnTime));
    }

    [Fact]
    public void Done_on_time_is_judged_by_the_reps_own_day_at_the_edge()
    {
        // Due Friday 27 November; the deal moves forward at 06:00 UTC on the 28th, which is 22:00 on the 27th in UTC-8.
        Deal deal = Created(At(11, 2)).StepSet(new DateOnly(2026, 11, 27), At(11, 20)).MovedTo("qualify", At(11, 28, 6));

        Assert.Equal(1, Figures(_pacific, deal).NextStepsDoneOnTime);
        Assert.Equal(0, Figures(TimeZoneInfo.Utc, deal).NextStepsDoneOnTime);
    }

    [Fact]
    public void A_deal_saved_before_the_history_counts_its_step_as_set_and_never_as_late()
    {
        // Its current step was set on 3 November and is overdue; with no history it is neither done nor a failure.
        Deal old = Created(At(11, 2)).NextStep("call back", new DateOnly(2026, 11, 6), At(11, 3)).Did(ActivityKind.Call, new DateOnly(2026, 11, 10));

        var figures = Figures(TimeZoneInfo.Utc, old);

        Assert.Empty(old.NextStepHistory);
        Assert.Equal((1, 0, 0), (figures.NextStepsSet, figures.NextStepsDone, figures.NextStepsDoneWithDue));
    }

    [Fact]
    public void An_empty_month_counts_no_steps()
    {
        var figures = Figures(TimeZoneInfo.Utc, Created(At(10, 2)).StepSet(new DateOnly(2026, 10, 9), At(10, 3)).Logged(ActivityKind.Call, new DateOnly(2026, 10, 5), At(10, 5)));

        Assert.Equal((0, 0, 0), (figures.NextStepsSet, figures.NextStepsDone, figures.NextStepsDoneOnTime));
    }
}
