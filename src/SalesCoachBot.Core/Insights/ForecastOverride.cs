using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Insights;

/// <summary>"put contoso in commit": the rep's own forecast category for one open deal, stored on the deal.</summary>
public static class ForecastOverride
{
    /// <param name="category">The category; null puts the deal back to its stage's probability.</param>
    public static DealChange Put(Deal deal, ForecastCategory? category, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(actor);
        if (!deal.IsOpen)
        {
            return DealChange.Refused(Refusal.AlreadyClosed(deal.Name, deal.Status));
        }

        return DealChange.Changed(deal with
        {
            ForecastOverride = category,
            UpdatedAt = now,
            AppliedActivities = actor.ActivityId is null
                ? deal.AppliedActivities
                : [.. deal.AppliedActivities.TakeLast(Deal.RememberedActivities - 1), actor.ActivityId],
        });
    }
}
