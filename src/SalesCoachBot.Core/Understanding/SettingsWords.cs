using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>Time zones as people name them: an IANA id as typed, or an everyday name ("pacific time").</summary>
internal static partial class TimeZones
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pacific"] = "America/Los_Angeles", ["pst"] = "America/Los_Angeles", ["pdt"] = "America/Los_Angeles", ["pt"] = "America/Los_Angeles",
        ["mountain"] = "America/Denver", ["mst"] = "America/Denver",
        ["central"] = "America/Chicago", ["cst"] = "America/Chicago",
        ["eastern"] = "America/New_York", ["est"] = "America/New_York", ["edt"] = "America/New_York", ["et"] = "America/New_York",
        ["uk"] = "Europe/London", ["london"] = "Europe/London", ["bst"] = "Europe/London",
        ["cet"] = "Europe/Berlin", ["central european"] = "Europe/Berlin",
        ["utc"] = "UTC", ["gmt"] = "UTC",
    };

    /// <summary>The zone id meant, or null when the words name no time zone ("I'm in the office").</summary>
    public static string? Resolve(string said)
    {
        var zone = ZoneNoisePattern().Replace(said.Trim(), string.Empty).Trim();
        if (IanaPattern().IsMatch(zone))
        {
            return zone;
        }

        return Names.TryGetValue(zone, out var id) ? id : null;
    }

    [GeneratedRegex(@"\s+(?:time|time zone|timezone|standard time|daylight time)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneNoisePattern();

    [GeneratedRegex(@"^[A-Za-z_]+/[A-Za-z_+\-/0-9]+$")]
    private static partial Regex IanaPattern();
}

/// <summary>
/// Working hours as people say them ("9 to 5", "10am-7pm", "7:30-16:00 monday to thursday"), written the way
/// <see cref="Reminders.WorkingHours"/> reads them ("09:00-17:00 mon-thu").
/// </summary>
internal static partial class HoursSpec
{
    public static string Tidy(string said)
    {
        // "mon-fri 9-5": the days may come first.
        var daysFirst = DaysFirstPattern().Match(said.Trim());
        var text = daysFirst.Success ? $"{daysFirst.Groups["times"].Value} {daysFirst.Groups["days"].Value}" : said.Trim();
        var match = SpanPattern().Match(text);
        if (!match.Success || !TryHour(match.Groups["from"].Value, out var from) || !TryHour(match.Groups["to"].Value, out var to))
        {
            return said;
        }

        // "9 to 5": an end before the start without am/pm is in the afternoon.
        if (to <= from && to.Hours < 12 && !HasMeridiem(match.Groups["to"].Value))
        {
            to = to.Add(TimeSpan.FromHours(12));
        }

        var days = match.Groups["days"].Success ? DaysPattern().Replace(match.Groups["days"].Value.Trim(), m => $"{m.Groups["a"].Value[..3]}-{m.Groups["b"].Value[..3]}") : string.Empty;
        // Hours as a day's clock, so "0-24" stays the whole day (a TimeSpan of 24 h formats as 00:00).
        var spec = string.Create(CultureInfo.InvariantCulture, $"{(int)from.TotalHours:00}:{from.Minutes:00}-{(int)to.TotalHours:00}:{to.Minutes:00}");
        return days.Length > 0 ? $"{spec} {days.ToLowerInvariant()}" : spec;
    }

    private static bool HasMeridiem(string time) => time.EndsWith("am", StringComparison.OrdinalIgnoreCase) || time.EndsWith("pm", StringComparison.OrdinalIgnoreCase);

    private static bool TryHour(string text, out TimeSpan time)
    {
        time = default;
        var match = TimePattern().Match(text.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(match.Groups["m"].Success ? match.Groups["m"].Value : "0", NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            return false;
        }

        var meridiem = match.Groups["ampm"].Value.ToLowerInvariant();
        hour = meridiem switch
        {
            "pm" when hour < 12 => hour + 12,
            "am" when hour == 12 => 0,
            _ => hour,
        };

        if (hour > 24 || minute > 59)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, 0);
        return true;
    }

    [GeneratedRegex(@"^(?:from\s+)?(?<from>\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\s*(?:-|–|to|until|till)\s*(?<to>\d{1,2}(?::\d{2})?\s*(?:am|pm)?)(?:\s*,?\s*(?:on\s+)?(?<days>[a-z, \-–]+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"^(?<days>[a-z]{3,9}\s*(?:-|–|to)\s*[a-z]{3,9})\s+(?<times>\d.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaysFirstPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>am|pm)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?<a>mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:to|through|thru|until|till)\s+(?<b>mon|tue|wed|thu|fri|sat|sun)[a-z]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaysPattern();
}
