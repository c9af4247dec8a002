using System.Text;

namespace SalesCoachBot.Insights.Charts;

/// <summary>
/// A chart in words, every number in it: the picture's alt text, and the text a card shows beside it, for screen readers
/// and for clients that do not load images.
/// </summary>
public static class ChartText
{
    public static string Describe(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var text = new StringBuilder(chart.Title).Append(": ");
        switch (chart)
        {
            case FunnelChart funnel:
                text.AppendJoin("; ", funnel.Stages.Select(s => $"{s.Label} {s.ValueText}"));
                break;
            case TargetChart target:
                text.AppendJoin("; ", target.Bars.Select(b => $"{b.Label} {b.ValueText}"));
                if (target.TargetText is { } line)
                {
                    text.Append("; ").Append(line);
                }

                break;
            case TrendChart trend:
                text.AppendJoin("; ", trend.Series.Select(s => s.Name + " by week: " + string.Join(", ",
                    trend.Weeks.Zip(s.Values, (week, value) => $"{week} {(value is { } v ? s.Percent ? ChartImage.Percent(v) : v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "none")}"))));
                break;
            case StageTimeChart stages:
                text.AppendJoin("; ", stages.Stages.Select(s => $"{s.Label} {ChartImage.Days(s.Days)}" + (s.AllowedDays is { } a ? $" of {ChartImage.Days(a)} allowed" : string.Empty)));
                break;
        }

        return text.Append('.').ToString();
    }
}
