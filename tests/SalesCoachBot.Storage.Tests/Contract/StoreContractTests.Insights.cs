using System.Text.Json;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Testing.Insights;

namespace SalesCoachBot.Storage.Tests.Contract;

/// <summary>Issue 13: the insight read (open deals and the closed ones changed since, without undo trails) on every store.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task The_insight_read_gives_a_generated_team_the_same_figures_as_its_whole_deals()
    {
        var process = ProcessLoader.LoadDefault();
        var scenario = new TeamScaleScenario(reps: 3, dealsPerRep: 40);
        await scenario.SeedAsync(Deals, Users, process);
        await DeleteOneDealOfEachRepAsync(scenario);
        var slim = new TeamReader(Users, Deals, ManagerMapping.Empty);
        var whole = new TeamReader(Users, new WholeDealStore(Deals), ManagerMapping.Empty);
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, DateOnly.FromDateTime(scenario.Now.UtcDateTime), TimeZoneInfo.Utc);
        var team = await slim.TeamOfAsync(scenario.Manager, CancellationToken.None);

        // As the host reads for each question: the forecast from the period's start, the stats from the previous period's.
        foreach (var since in new[] { quarter.StartsAt, TeamFigures.ReadSince(quarter, scenario.Now) })
        {
            var insightRead = await slim.DealsChangedSinceAsync(team, since, CancellationToken.None);
            var wholeRead = await whole.DealsChangedSinceAsync(team, since, CancellationToken.None);

            Assert.Equal(TeamFigures.Describe(wholeRead, process, quarter, scenario.Now), TeamFigures.Describe(insightRead, process, quarter, scenario.Now));
            // As the host works them out: per rep as each is read, the team's summed from the reps'.
            Assert.Equal(
                TeamFigures.Describe(wholeRead, process, quarter, scenario.Now),
                await TeamFigures.DescribeAsTheHostDoesAsync(slim, team, since, process, quarter, scenario.Now, CancellationToken.None));
            Assert.InRange(insightRead.Sum(r => r.Deals.Count), 1, (3 * 40) - 4); // the closed deals of earlier quarters were left out
            Assert.Contains(wholeRead.SelectMany(r => r.Deals), d => d.Undo.Count > 0);
            Assert.All(insightRead.SelectMany(r => r.Deals), d => Assert.Empty(d.Undo));
        }
    }

    [Fact]
    public async Task A_deal_read_for_insights_has_every_field_but_its_undo_trail_and_remembered_activities()
    {
        var before = NewDeal("t1", "dana", "d1") with
        {
            CustomerTypeId = "smb",
            ForecastOverride = ForecastCategory.Commit,
            Activities = [new DealActivity(ActivityKind.Call, new DateOnly(2026, 11, 24), "pricing", _now, "Dana")],
            DoneActions = ["book-demo"],
            Reminder = new ReminderState { ClockStart = _now },
        };
        var changed = UndoTrail.Record(before, before with { Amount = new Money(60_000, "USD"), UpdatedAt = _now.AddMinutes(1) }, _now.AddMinutes(1));
        await Deals.SaveAsync(changed, null, CancellationToken.None);

        var read = Assert.Single(await Assert.IsAssignableFrom<IInsightDealReader>(Deals).ListForInsightsAsync(changed.Owner, _now, CancellationToken.None));

        Assert.Empty(read.Undo);
        Assert.Empty(read.AppliedActivities);
        Assert.Null(read.ETag);
        Assert.Equal(JsonSerializer.Serialize(changed with { Undo = [], AppliedActivities = [] }), JsonSerializer.Serialize(read));
    }

    [Fact]
    public async Task Saving_back_a_deal_read_for_insights_is_a_conflict_and_keeps_its_undo_trail()
    {
        var before = NewDeal("t1", "dana", "d1");
        await Deals.SaveAsync(UndoTrail.Record(before, before with { Name = "Contoso Group", UpdatedAt = _now.AddMinutes(1) }, _now.AddMinutes(1)), null, CancellationToken.None);
        var read = Assert.Single(await Assert.IsAssignableFrom<IInsightDealReader>(Deals).ListForInsightsAsync(before.Owner, _now, CancellationToken.None));

        var saved = await Deals.SaveAsync(read with { Amount = new Money(1, "USD") }, read.ETag, CancellationToken.None);

        Assert.Equal(SaveStatus.Conflict, saved.Status);
        var stored = (await Deals.GetAsync(before.Owner, "d1", CancellationToken.None))!;
        Assert.Equal(45_000, stored.Amount!.Value.Amount);
        Assert.Equal([DealEdit.Renamed], Assert.Single(stored.Undo).Edits);
    }

    // A deal of each rep deleted now: changed in the period, so only the status keeps it out of the figures.
    private async Task DeleteOneDealOfEachRepAsync(TeamScaleScenario scenario)
    {
        var team = await new TeamReader(Users, Deals, ManagerMapping.Empty).TeamOfAsync(scenario.Manager, CancellationToken.None);
        foreach (var rep in team)
        {
            var deal = (await Deals.ListAsync(rep.Key, includeClosed: true, CancellationToken.None)).First(d => d.IsOpen);
            var saved = await Deals.SaveAsync(deal with { DeletedAt = scenario.Now, DeletedBy = rep.UserId, UpdatedAt = scenario.Now }, deal.ETag, CancellationToken.None);
            Assert.Equal(SaveStatus.Saved, saved.Status);
        }
    }
}
