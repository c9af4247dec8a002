using System.Text.Json;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Hosting.Demo;

namespace SalesCoachBot.Tests.Hosting.Demo;

public sealed class DemoTeamTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly DateTimeOffset _end = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DemoData _team = DemoTeam.Generate(_process, 13, DemoTeam.PlaygroundTenantId, DemoTeam.PlaygroundUserId, _end);

    [Fact]
    public void The_same_seed_gives_the_same_team_and_deals_and_another_seed_does_not()
    {
        var again = DemoTeam.Generate(_process, 13, DemoTeam.PlaygroundTenantId, DemoTeam.PlaygroundUserId, _end);
        var other = DemoTeam.Generate(_process, 14, DemoTeam.PlaygroundTenantId, DemoTeam.PlaygroundUserId, _end);

        Assert.Equal(JsonSerializer.Serialize(_team), JsonSerializer.Serialize(again));
        Assert.NotEqual(JsonSerializer.Serialize(_team.Deals), JsonSerializer.Serialize(other.Deals));
    }

    [Fact]
    public void A_manager_and_six_reps_across_the_three_models_all_reporting_to_the_manager()
    {
        var manager = _team.People.Single(p => p.UserId == DemoTeam.PlaygroundUserId);
        var reps = _team.People.Where(p => p != manager).ToList();

        Assert.Equal(6, reps.Count);
        Assert.All(reps, rep => Assert.True(ManagerMapping.Empty.Manages(manager, rep), rep.Name));
        Assert.Equal(_process.Models.Select(m => m.Id).Order(), _team.Deals.Select(d => d.ModelId).Distinct().Order());
        Assert.All(_team.People, p => Assert.True(_team.Deals.Count(d => d.OwnerId == p.UserId) >= 8, $"{p.Name} has too few deals"));
        Assert.InRange(_team.Deals.Count, 150, 800);
    }

    [Fact]
    public void Every_deal_keeps_the_domain_invariants()
    {
        Assert.Equal(_team.Deals.Count, _team.Deals.Select(d => d.Id).Distinct().Count());
        foreach (var deal in _team.Deals)
        {
            var model = _process.FindModel(deal.ModelId)!;
            var stage = model.GetStage(deal.StageId)!;
            Assert.Null(deal.History[0].FromStageId);
            Assert.Equal(deal.CreatedAt, deal.History[0].At);
            Assert.Equal(deal.StageId, deal.History[^1].ToStageId);
            Assert.Equal(deal.StageEnteredAt, deal.History[^1].At);
            Assert.All(deal.History, h => Assert.NotNull(model.GetStage(h.ToStageId)));
            Assert.Equal(deal.History.Select(h => h.At).Order(), deal.History.Select(h => h.At));
            Assert.True(deal.UpdatedAt <= _end && deal.CreatedAt >= _end.AddDays(-366), deal.Name);
            Assert.Equal(stage.Outcome switch { StageOutcome.Won => DealStatus.Won, StageOutcome.Lost => DealStatus.Lost, _ => DealStatus.Open }, deal.Status);
            Assert.Equal(deal.IsOpen, deal.ClosedAt is null);
            Assert.Equal(deal.Status == DealStatus.Lost, deal.LostReason is not null);
            Assert.All(deal.Activities, a => Assert.True(a.Date >= DateOnly.FromDateTime(deal.CreatedAt.UtcDateTime) && a.LoggedAt <= _end));
            Assert.All(deal.Activities, a => Assert.True(deal.ClosedAt is null || a.LoggedAt <= deal.ClosedAt));
            Assert.NotNull(deal.Amount);
            Assert.NotNull(deal.ExpectedClose);
            Assert.Equal(deal.Reminder, ReminderLadder.AfterChange(deal, deal, _process).Reminder);
        }
    }

    [Fact]
    public void The_team_has_wins_losses_with_reasons_stalls_and_next_steps_and_activities_in_every_month()
    {
        var deals = _team.Deals;
        Assert.True(deals.Count(d => d.Status == DealStatus.Won) >= 40, $"{deals.Count(d => d.Status == DealStatus.Won)} won");
        Assert.True(deals.Count(d => d.Status == DealStatus.Lost) >= 40, $"{deals.Count(d => d.Status == DealStatus.Lost)} lost");
        Assert.True(deals.Select(d => d.LostReason).Distinct().Count() >= 5);
        var views = deals.Where(d => d.IsOpen).Select(d => DealView.For(d, _process, _end, DateOnly.FromDateTime(_end.UtcDateTime))).ToList();
        Assert.True(views.Count(v => v.IsStalled(_end)) >= 5, $"{views.Count(v => v.IsStalled(_end))} stalled deals");
        Assert.True(views.Count(v => !v.IsStalled(_end)) >= 15, $"{views.Count(v => !v.IsStalled(_end))} healthy of {views.Count} open deals; overdue next steps {views.Count(v => v.IsNextStepOverdue)}");
        Assert.True(deals.Count(d => d.NextStep is not null) >= 20);
        Assert.Contains(deals, d => d.History.Any(h => h.Unconfirmed is { Count: > 0 }));

        for (var month = 0; month < 12; month++)
        {
            var from = DateOnly.FromDateTime(_end.UtcDateTime).AddMonths(-month - 1);
            var to = from.AddMonths(1);
            Assert.True(deals.SelectMany(d => d.Activities).Count(a => a.Date >= from && a.Date < to) >= 30, $"few activities from {from}");
            Assert.Contains(deals, d => d.ClosedAt is { } closed && DateOnly.FromDateTime(closed.UtcDateTime) >= from && DateOnly.FromDateTime(closed.UtcDateTime) < to);
        }
    }
}
