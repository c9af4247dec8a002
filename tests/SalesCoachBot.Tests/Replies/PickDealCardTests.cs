using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Tests.Replies;

/// <summary>The "which one?" card: every button must name a different deal, or the rep cannot tell which to click.</summary>
public class PickDealCardTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly DateTimeOffset _monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Deal Pharma(string name, DateTimeOffset created, string activity) =>
        DealRules.Create(new OwnerKey("t", "dana"), name, new Money(10_000, null), _process.DefaultModel, created, new Actor("Dana", activity)).Deal!;

    [Fact]
    public void Deals_alike_in_stage_and_amount_are_told_apart_by_the_day_they_were_added()
    {
        var labels = PickDealCard.Labels([Pharma("Contoso Pharma", _monday, "a1"), Pharma("contoso pharma", _monday.AddDays(2), "a2")], _process);

        Assert.Equal(["Contoso Pharma (Prospect, 10,000, added Mon 23 Nov)", "contoso pharma (Prospect, 10,000, added Wed 25 Nov)"], labels);
    }

    [Fact]
    public void Deals_added_the_same_day_are_told_apart_by_their_next_step_and_else_by_the_time_they_were_added()
    {
        var first = Pharma("Contoso Pharma", _monday, "a1");
        var second = Pharma("contoso pharma", _monday.AddMinutes(5), "a2");
        var withStep = DealRules.SetNextStep(second, "Send the trial licence", null, new DateOnly(2026, 11, 23), _monday, new Actor("Dana", "a3")).Deal!;

        var byStep = PickDealCard.Labels([first, withStep], _process);
        Assert.Equal(["Contoso Pharma (Prospect, 10,000, no next step)", "contoso pharma (Prospect, 10,000, next: Send the trial licence)"], byStep);
        var byTime = PickDealCard.Labels([first, second], _process);
        Assert.Equal(2, byTime.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("added 23 Nov 09:05:00 UTC", byTime[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Deals_that_differ_get_no_extra_detail()
    {
        var other = DealRules.SetAmount(Pharma("Contoso Pharma", _monday, "a1"), new Money(20_000, null), _monday, new Actor("Dana", "a2")).Deal!;

        Assert.Equal(["Contoso Pharma (Prospect, 20,000)", "Contoso Pharma (Prospect, 10,000)"], PickDealCard.Labels([other, Pharma("Contoso Pharma", _monday, "a3")], _process));
    }
}
