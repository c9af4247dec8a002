using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Users;

/// <summary>The outcome of setting a quota: the changed profile, or the id of the user whose quota stands (as data; the host words it).</summary>
public sealed record QuotaChange(UserProfile? Profile, string? KeptSetBy)
{
    public bool IsRefused => Profile is null;
}

/// <summary>
/// Who may set a rep's quarterly quota. The rep sets their own while nobody else has; once their manager set it, only
/// the manager changes it (a rep lowering the number they are held to would empty the team's forecast of meaning).
/// </summary>
public static class QuotaRules
{
    /// <param name="rep">The rep whose quota it is, as stored.</param>
    /// <param name="amount">The quota said; without a currency it takes <paramref name="usualCurrency"/>, so it counts against the rep's deals.</param>
    /// <param name="setBy">The user id of who said it: the rep, or their manager.</param>
    /// <param name="usualCurrency">The currency of the rep's open deals (<see cref="Deals.DealRules.UsualCurrency"/>), when they share one.</param>
    public static QuotaChange Set(UserProfile rep, Money amount, string setBy, string? usualCurrency)
    {
        ArgumentNullException.ThrowIfNull(rep);
        if (setBy == rep.UserId && rep.QuarterlyQuota is not null && SetBy(rep) is { } other && other != rep.UserId)
        {
            return new QuotaChange(null, other);
        }

        return new QuotaChange(rep with { QuarterlyQuota = Deals.DealRules.InCurrencyIfNone(amount, usualCurrency), QuotaSetBy = setBy }, null);
    }

    /// <summary>Who set the rep's quota; a quota saved before this was recorded counts as the rep's own.</summary>
    public static string? SetBy(UserProfile rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return rep.QuarterlyQuota is null ? null : rep.QuotaSetBy ?? rep.UserId;
    }
}
