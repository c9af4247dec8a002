using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Insights;

namespace SalesCoachBot.Tests.Insights;

/// <summary>How the process report words times and an empty list of findings, as a process owner reads them.</summary>
public sealed class ProcessReportWordingTests
{
    private static readonly SalesProcess Process = ProcessLoader.LoadDefault();

    [Theory]
    [InlineData(3.1, "3.1 days")]
    [InlineData(3.0, "3 days")]
    [InlineData(0.5, "0.5 days")]
    [InlineData(12.4, "12 days")]
    public void A_stay_of_a_few_days_keeps_its_tenth_so_a_median_just_over_the_allowed_time_does_not_read_as_within_it(double days, string expected) =>
        Assert.Equal(expected, InsightText.StayDays(TimeSpan.FromDays(days)));

    [Fact]
    public void Without_findings_the_report_says_whether_there_were_too_few_deals_or_enough_and_all_is_well()
    {
        var model = Process.Models[0];
        var stage = model.Stages[0];
        StageReport Stage(int stays) => new(model, stage, stays, TimeSpan.FromDays(1), TimeSpan.FromDays(2), 0, stays, stays, []);

        var few = ProcessReportCard.Summary("your team", new ProcessReportResult(3, [Stage(3)], []));
        var enough = ProcessReportCard.Summary("your team", new ProcessReportResult(66, [Stage(40)], []));

        Assert.Contains($"a finding needs at least {ProcessReport.MinimumSample} deals through a stage", few, StringComparison.Ordinal);
        Assert.Contains("No stage stands out: where enough deals went through a stage", enough, StringComparison.Ordinal);
        Assert.DoesNotContain("needs at least", enough, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_findings_skips_too_few_to_judge_are_not_said_to_have_made_no_difference()
    {
        var model = Process.Models[0];
        var stage = model.Stages[0];
        StageReport Stage(params CriterionFigures[] criteria) => new(model, stage, 40, TimeSpan.FromDays(1), TimeSpan.FromDays(2), 0, 40, 40, criteria);

        // Seven deals passed the criterion; one skipped it and was lost, six confirmed it and four were won.
        var fewSkips = ProcessReportCard.Summary("your team", new ProcessReportResult(66, [Stage(new CriterionFigures("Budget confirmed", 7, 1, 6, 4, 1, 0))], []));
        var manySkips = ProcessReportCard.Summary("your team", new ProcessReportResult(66, [Stage(new CriterionFigures("Budget confirmed", 20, 10, 10, 5, 10, 4))], []));
        var noSkips = ProcessReportCard.Summary("your team", new ProcessReportResult(66, [Stage()], []));

        Assert.Contains("Too few deals that skipped an exit criterion have closed to tell", fewSkips, StringComparison.Ordinal);
        Assert.DoesNotContain("did not", fewSkips, StringComparison.Ordinal);
        Assert.Contains("skipping an exit criterion did not go with clearly fewer wins", manySkips, StringComparison.Ordinal);
        Assert.Contains("no exit criterion was skipped", noSkips, StringComparison.Ordinal);
    }
}
