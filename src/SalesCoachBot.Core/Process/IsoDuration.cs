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

    [GeneratedRegex(@"^P(?:(?<w>\d+(?:\.\d+)?)W)?(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
