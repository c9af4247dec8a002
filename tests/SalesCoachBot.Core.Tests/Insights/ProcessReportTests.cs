using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

public class ProcessReportTests
{
    private static readonly DateTimeOffset _now = At(11, 29, 12);
    private static readonly string _budget = Consultative.GetStage("qualify")!.ExitCriteria[0];

    // Proposal allows 14 days. Stays of 10, 20, 23, 30 and 40 days: median 23, 90th percentile 40, 4 of 5 over.
    private static IReadOnlyList<Deal> SlowProposals() =>
        [.. new[] { 10, 20, 23, 30, 40 }.Select(days => (Deal)Created(At(9, 1), 10_000).MovedTo("proposal", At(9, 2)).MovedTo("negotiation", At(9, 2).AddDays(days)))];

    [Fact]
    public void Each_stage_has_its_median_and_90th_percentile_against_the_allowed_time()
    {
        var proposal = ProcessReport.For(SlowProposals(), TheProcess, _now).Stages.Single(s => s.Stage.Id == "proposal");

        Assert.Equal(5, proposal.Stays);
        Assert.Equal(TimeSpan.FromDays(23), proposal.Median);
        Assert.Equal(TimeSpan.FromDays(40), proposal.P90);
        Assert.Equal(0.8m, proposal.ShareOver);
        Assert.Equal(1m, proposal.Conversion);
    }

    [Fact]
    public void A_stage_where_most_deals_take_longer_than_allowed_is_a_finding_with_the_time_they_really_take()
    {
        var finding = Assert.Single(ProcessReport.For(SlowProposals(), TheProcess, _now).Findings, f => f.Kind == FindingKind.SlowStage && f.Stage.Stage.Id == "proposal");

        Assert.Equal("proposal", finding.Stage.Stage.Id);
        Assert.Equal(0.8m, finding.Share);
        Assert.Equal(TimeSpan.FromDays(23), finding.Suggested);
    }

    [Fact]
    public void Deals_that_skipped_a_criterion_and_lost_more_often_make_a_finding()
    {
        // Five confirmed the budget criterion leaving qualify and four of them won; five skipped it and one won.
        var deals = new List<Deal>();
        for (var i = 0; i < 10; i++)
        {
            var skipped = i >= 5;
            var story = Created(At(9, 1), 10_000).MovedTo("qualify", At(9, 2)).MovedTo("discovery", At(9, 5), skipped ? [_budget] : []);
            var won = skipped ? i == 5 : i < 4;
            deals.Add(won ? story.Won(At(10, 1)) : story.Lost(At(10, 1)));
        }

        var report = ProcessReport.For(deals, TheProcess, _now);
        var budget = report.Stages.Single(s => s.Stage.Id == "qualify").Criteria.Single(c => c.Criterion == _budget);

        Assert.Equal((10, 5), (budget.Passed, budget.Skipped));
        Assert.Equal((0.8m, 0.2m), (budget.ConfirmedWinRate, budget.SkippedWinRate));
        var finding = Assert.Single(report.Findings, f => f.Kind == FindingKind.SkippedCriterionLoses);
        Assert.Equal(_budget, finding.Criterion!.Criterion);
    }

    [Fact]
    public void A_criterion_ticked_later_counts_as_confirmed()
    {
        Deal deal = Created(At(9, 1), 10_000).MovedTo("qualify", At(9, 2)).MovedTo("discovery", At(9, 5), _budget)
            .With(d => DealRules.ConfirmLater(d, [_budget], At(9, 6), new Actor("Dana", "late")).Deal!);

        var budget = ProcessReport.For([deal], TheProcess, _now).Stages.Single(s => s.Stage.Id == "qualify").Criteria.Single(c => c.Criterion == _budget);

        Assert.Equal((1, 0), (budget.Passed, budget.Skipped));
    }

    [Fact]
    public void Too_few_deals_make_no_finding_and_no_deals_make_an_empty_report()
    {
        Assert.Empty(ProcessReport.For(SlowProposals().Take(4).ToList(), TheProcess, _now).Findings);
        var empty = ProcessReport.For([], TheProcess, _now);
        Assert.Empty(empty.Stages);
        Assert.Empty(empty.Findings);
    }

    [Fact]
    public void A_deal_still_in_a_stage_counts_with_its_time_so_far_but_not_in_the_conversion()
    {
        Deal waiting = Created(At(11, 1), 10_000).MovedTo("proposal", At(11, 9)); // 20 days so far

        var proposal = ProcessReport.For([waiting], TheProcess, _now).Stages.Single(s => s.Stage.Id == "proposal");

        Assert.Equal((1, 0, 1), (proposal.Stays, proposal.Exits, proposal.OverAllowed));
        Assert.Null(proposal.Conversion);
    }

    [Fact]
    public void The_nearest_rank_percentile_of_one_value_is_that_value()
    {
        Assert.Equal(TimeSpan.FromDays(3), ProcessReport.Percentile([TimeSpan.FromDays(3)], 0.9));
        Assert.Null(ProcessReport.Percentile([], 0.5));
    }
}
