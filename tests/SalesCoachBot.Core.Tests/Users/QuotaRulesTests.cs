using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Tests.Users;

public class QuotaRulesTests
{
    private static readonly DateTimeOffset _seen = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserProfile _megan = new() { TenantId = "t", UserId = "megan", ManagerUserId = "morgan", FirstSeen = _seen, LastSeen = _seen };

    [Fact]
    public void A_quota_without_a_currency_takes_the_reps_and_records_who_set_it()
    {
        var set = QuotaRules.Set(_megan, new Money(300_000, null), "morgan", "USD").Profile!;

        Assert.Equal(new Money(300_000, "USD"), set.QuarterlyQuota);
        Assert.Equal("morgan", QuotaRules.SetBy(set));
        Assert.Equal(new Money(90_000, "EUR"), QuotaRules.Set(_megan, new Money(90_000, "EUR"), "megan", "USD").Profile!.QuarterlyQuota);
    }

    [Fact]
    public void A_rep_cannot_change_the_quota_their_manager_set_but_the_manager_can_and_the_rep_changes_their_own()
    {
        var byManager = QuotaRules.Set(_megan, new Money(300_000, "USD"), "morgan", null).Profile!;

        var refused = QuotaRules.Set(byManager, new Money(10_000, null), "megan", "USD");
        Assert.True(refused.IsRefused);
        Assert.Equal("morgan", refused.KeptSetBy);
        Assert.Equal(new Money(250_000, "USD"), QuotaRules.Set(byManager, new Money(250_000, "USD"), "morgan", null).Profile!.QuarterlyQuota);

        var own = QuotaRules.Set(_megan, new Money(90_000, "USD"), "megan", null).Profile!;
        Assert.Equal(new Money(80_000, "USD"), QuotaRules.Set(own, new Money(80_000, "USD"), "megan", null).Profile!.QuarterlyQuota);
    }

    [Fact]
    public void A_quota_saved_before_it_said_who_set_it_counts_as_the_reps_own()
    {
        var old = _megan with { QuarterlyQuota = new Money(90_000, "USD") };

        Assert.Equal("megan", QuotaRules.SetBy(old));
        Assert.False(QuotaRules.Set(old, new Money(80_000, "USD"), "megan", null).IsRefused);
        Assert.Null(QuotaRules.SetBy(_megan));
    }
}
