using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Process;

/// <summary>
/// ISO-8601 durations in weeks, days, hours, minutes and seconds ("P7D", "P2W", "PT30S", "P1DT12H").
/// Years and months are refused: their length depends on the calendar, and a stage's allowed time must be exact.
/// </summary>
public static partial class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success) || text.Trim().EndsWith('T'))
        {
            return false;
        }

        double Part(string name) =>
            match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;

        var total = (Part("w") * 7 * 86400) + (Part("d") * 86400) + (Part("h") * 3600) + (Part("m") * 60) + Part("s");
        if (total <= 0 || total > TimeSpan.FromDays(3650).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration.TotalSeconds < 1)
        {
            return "PT0S";
        }

        var days = (int)duration.TotalDays;
        var time = duration - TimeSpan.FromDays(days);
        var text = "P" + (days > 0 ? $"{days}D" : string.Empty);
        if (time > TimeSpan.Zero)
        {
            text += "T"
                + (time.Hours > 0 ? $"{time.Hours}H" : string.Empty)
                + (time.Minutes > 0 ? $"{time.Minutes}M" : string.Empty)
                + (time.Seconds > 0 ? $"{time.Seconds}S" : string.Empty);
        }

        return text;
    }

    /// <summary>How a person would say it: "7 days", "2 weeks", "30 seconds", "1 day 12 hours".</summary>
    public static string Describe(TimeSpan duration)
    {
        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

        if (duration.TotalDays >= 1 && duration.Ticks % TimeSpan.FromDays(7).Ticks == 0)
        {
            return Unit((int)(duration.TotalDays / 7), "week");
        }

        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add(Unit(duration.Days, "day"));
        }

        if (duration.Hours > 0)
        {
            parts.Add(Unit(duration.Hours, "hour"));
        }

        if (duration.Minutes > 0)
        {
            parts.Add(Unit(duration.Minutes, "minute"));
        }

        if (duration.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(Unit(duration.Seconds, "second"));
        }

        return string.Join(' ', parts);
    }

    [GeneratedRegex(@"^P(?:(?<w>\d+(?:\.\d+)?)W)?(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
