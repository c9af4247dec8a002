using SalesCoachBot.Core.Coaching;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Tests.Coaching;

public class ExitCheckTests
{
    private static readonly SellingModel _model = ProcessLoader.LoadDefault().FindModel("consultative")!;

    private static Stage Stage(string id) => _model.GetStage(id)!;

    [Fact]
    public void Moving_forward_asks_for_the_criteria_of_the_stage_being_left()
    {
        var check = ExitCheck.For(_model, Stage("prospect"), Stage("qualify"))!;

        Assert.Equal(Stage("prospect").ExitCriteria, check.Criteria.Select(c => c.Text));
        Assert.Empty(check.Skipped);
    }

    [Fact]
    public void Skipping_stages_adds_their_criteria_and_names_them()
    {
        var check = ExitCheck.For(_model, Stage("prospect"), Stage("proposal"))!;

        Assert.Equal(["Qualify", "Discovery"], check.Skipped.Select(s => s.Name));
        Assert.Equal(
            Stage("prospect").ExitCriteria.Count + Stage("qualify").ExitCriteria.Count + Stage("discovery").ExitCriteria.Count,
            check.Criteria.Count);
    }

    [Fact]
    public void Moving_back_or_losing_needs_no_check()
    {
        Assert.Null(ExitCheck.For(_model, Stage("proposal"), Stage("qualify")));
        Assert.Null(ExitCheck.For(_model, Stage("proposal"), Stage("closed-lost")));
    }

    [Fact]
    public void Unconfirmed_criteria_of_a_blocking_stage_block_the_move()
    {
        var blocking = _model.OpenStages.First(s => s.BlockOnUnmetCriteria);
        var next = _model.NextOpenStage(blocking)!;
        var check = ExitCheck.For(_model, blocking, next)!;

        var decision = check.Decide(new HashSet<string> { check.Criteria[0].Id });

        Assert.Equal(ExitVerdict.Blocked, decision.Verdict);
        Assert.Equal(check.Criteria.Count - 1, decision.Blocking.Count);
        Assert.Equal(ExitVerdict.Allowed, check.ConfirmAll().Verdict);
    }

    [Fact]
    public void Unconfirmed_criteria_of_a_warning_stage_let_the_deal_move_with_a_warning()
    {
        var warning = _model.OpenStages.First(s => !s.BlockOnUnmetCriteria);
        var next = _model.NextOpenStage(warning)!;
        var check = ExitCheck.For(_model, warning, next)!;

        var decision = check.Decide(new HashSet<string>());

        Assert.Equal(ExitVerdict.Allowed, decision.Verdict);
        Assert.Equal(check.Criteria.Count, decision.Unconfirmed.Count);
    }
}
