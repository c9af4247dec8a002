namespace SalesCoachBot.Core.Reminders;

/// <summary>When a rep's weekly summary goes out: the start of their first working day of the week (Monday by default), in their time zone.</summary>
public static class WeeklySummaries
{
    /// <summary>
    /// Whether <paramref name="rep"/> gets the weekly summary: not turned off ("no weekly summary"), and either digests
    /// are on (the admin's <see cref="ReminderOptions.DigestEnabled"/>, which the summary follows) or the rep asked for
    /// it themself ("weekly summary on").
    /// </summary>
    public static bool IsWanted(Users.UserProfile rep, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(options);
        return rep.WeeklySummary && (options.DigestEnabled || rep.WeeklySummaryAskedFor);
    }

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
