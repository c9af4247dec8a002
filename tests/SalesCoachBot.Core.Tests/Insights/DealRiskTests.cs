using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

public class DealRiskTests
{
    private static readonly DateTimeOffset _now = At(11, 20, 12);
    private static readonly DateOnly _today = new(2026, 11, 20);

    private static IReadOnlyList<RiskEntry> Rank(params Deal[] deals) => RiskRule.Default.Rank(deals, TheProcess, _now, _today);

    [Fact]
    public void Each_deal_lists_its_reasons_and_the_highest_score_comes_first()
    {
        // 5 (close passed) + 4 (next step overdue) + 3 (over 14 days in prospect) + 2 (nothing for 14+ days) = 14
        Deal worst = Created(At(10, 1), 10_000, name: "Worst").Closing(new(2026, 11, 1)).NextStep("call", new(2026, 10, 3), At(10, 1));

        // 2 (no next step)
        Deal mild = Created(At(11, 18), 90_000, name: "Mild");
        Deal healthy = Created(At(11, 18), 10_000, name: "Healthy").NextStep("demo", new(2026, 11, 25), At(11, 18));

        var ranked = Rank(mild, healthy, worst);

        Assert.Equal(["Worst", "Mild"], ranked.Select(r => r.View.Deal.Name));
        Assert.Equal(
            [RiskReason.CloseDatePassed, RiskReason.NextStepOverdue, RiskReason.OverAllowedTime, RiskReason.NoRecentActivity],
            ranked[0].Reasons);
        Assert.Equal(14, ranked[0].Score);
        Assert.Equal(50, ranked[0].QuietDays);
        Assert.Equal([RiskReason.NoNextStep], ranked[1].Reasons);
    }

    [Fact]
    public void A_logged_activity_resets_the_quiet_days()
    {
        // In negotiation since 1 November (19 of 21 days allowed), next step ahead: only the quiet can make it a risk.
        DealStory Quiet() => Created(At(10, 25), 10_000).MovedTo("negotiation", At(11, 1)).NextStep("sign", new(2026, 11, 25), At(11, 1));

        Assert.Equal([RiskReason.NoRecentActivity], Assert.Single(Rank(Quiet())).Reasons);
        Assert.Empty(Rank(Quiet().Did(Core.Understanding.ActivityKind.Call, new(2026, 11, 19))));
    }

    [Fact]
    public void Criteria_not_confirmed_on_the_way_are_a_reason_and_are_named()
    {
        var criterion = Consultative.GetStage("prospect")!.ExitCriteria[0];
        Deal skipped = Created(At(11, 18), 10_000).MovedTo("qualify", At(11, 19), criterion).NextStep("demo", new(2026, 11, 25), At(11, 19));

        var entry = Assert.Single(Rank(skipped));

        Assert.Equal([RiskReason.UnconfirmedCriteria], entry.Reasons);
        Assert.Equal([criterion], entry.Unconfirmed);
    }

    [Fact]
    public void Equal_scores_rank_the_larger_deal_first_and_closed_deals_never_appear()
    {
        Deal small = Created(At(11, 18), 1_000, name: "Small");
        Deal large = Created(At(11, 18), 9_000, name: "Large");
        Deal lost = Created(At(10, 1), 9_000, name: "Lost").Lost(At(10, 2));

        Assert.Equal(["Large", "Small"], Rank(small, large, lost).Select(r => r.View.Deal.Name));
    }
}
