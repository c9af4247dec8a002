namespace SalesCoachBot.Core.Reminders;

/// <summary>When a rep's weekly summary goes out: the start of their first working day of the week (Monday by default), in their time zone.</summary>
public static class WeeklySummaries
{
    public static DateTimeOffset Next(DateTimeOffset now, TimeZoneInfo zone, WorkingHours? hours = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var working = hours ?? WorkingHours.Default;

        // The week starts on Monday; someone who does not work Mondays gets it on their first working day after.
        var first = Enumerable.Range(0, 7).Select(i => (DayOfWeek)(((int)DayOfWeek.Monday + i) % 7)).FirstOrDefault(working.Days.Contains, DayOfWeek.Monday);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            var at = WorkingHours.ToInstant(date, working.Start, zone);
            if (date.DayOfWeek == first && at > now)
            {
                return at;
            }
        }

        return now + TimeSpan.FromDays(7);
    }
}
