using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Reminders;

/// <summary>
/// When a user may be messaged: a daily window on given weekdays, in their time zone. Nothing is sent outside it;
/// a reminder that falls in quiet time goes at the start of the next working period.
/// </summary>
public sealed partial record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
    public static WorkingHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });

    private static readonly string[] _dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public bool IsOpen(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }

    /// <summary>The instant itself when it is working time, else the start of the next working period (found within two weeks).</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (IsOpen(instant, zone))
        {
            return instant;
        }

        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        for (var day = 0; day <= 14; day++)
        {
            var date = localDate.AddDays(day);
            if (!Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var start = ToInstant(date, Start, zone);
            if (start > instant)
            {
                return start;
            }
        }

        return instant;
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a DST change is read as the first valid minute after it.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>"8-17 mon-fri", "08:30-17:30 mon,tue,thu", "9-18 weekdays"; null when it cannot be read.</summary>
    public static WorkingHours? TryParse(string text)
    {
        var match = HoursPattern().Match(text.Trim());
        if (!match.Success
            || !TryTime(match.Groups["start"].Value, out var start)
            || !TryTime(match.Groups["end"].Value, out var end)
            || end <= start)
        {
            return null;
        }

        var days = match.Groups["days"].Success ? ParseDays(match.Groups["days"].Value) : Default.Days;
        return days is { Count: > 0 } ? new WorkingHours(start, end, days) : null;
    }

    public string Describe()
    {
        var days = Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Where(Days.Contains).Select(d => d.ToString()[..3]);
        return $"{Start:HH\\:mm}–{End:HH\\:mm} {string.Join(", ", days)}";
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        time = default;
        var parts = text.Split(':');
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var hour) || hour is < 0 or > 24)
        {
            return false;
        }

        var minute = 0;
        if (parts.Length == 2 && (!int.TryParse(parts[1], CultureInfo.InvariantCulture, out minute) || minute is < 0 or > 59))
        {
            return false;
        }

        time = hour == 24 ? TimeOnly.MaxValue : new TimeOnly(hour, minute);
        return true;
    }

    private static HashSet<DayOfWeek>? ParseDays(string text)
    {
        var key = text.Trim().ToLowerInvariant();
        if (key is "weekdays" or "workdays")
        {
            return [.. Default.Days];
        }

        if (key is "every day" or "daily" or "all week")
        {
            return [.. Enum.GetValues<DayOfWeek>()];
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var part in key.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            var from = Array.IndexOf(_dayNames, range[0].Length >= 3 ? range[0][..3] : range[0]);
            var to = range.Length == 2 ? Array.IndexOf(_dayNames, range[1].Length >= 3 ? range[1][..3] : range[1]) : from;
            if (from < 0 || to < 0)
            {
                return null;
            }

            for (var d = from; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == to)
                {
                    break;
                }
            }
        }

        return days;
    }

    [GeneratedRegex(@"^(?<start>\d{1,2}(?::\d{2})?)\s*(?:-|–|to)\s*(?<end>\d{1,2}(?::\d{2})?)(?:\s+(?<days>[a-z, \-–]+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoursPattern();
}
