using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Insights.Charts;

/// <summary>Bound from <c>SalesCoach:Charts</c>.</summary>
public sealed class ChartLinkOptions
{
    public const string Section = "SalesCoach:Charts";

    /// <summary>
    /// How long a chart's picture link works. Teams fetches the picture when the card is shown, also when someone scrolls
    /// back to it, so this is longer than a download link's 15 minutes; after it, the card's text still has every number.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "SalesCoach:Charts:LinkLifetime must be between 1 minute and 30 days, e.g. 1.00:00:00 for a day.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(1);
}
