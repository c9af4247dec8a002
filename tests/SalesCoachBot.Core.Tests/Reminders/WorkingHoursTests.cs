using SalesCoachBot.Core.Reminders;

namespace SalesCoachBot.Core.Tests.Reminders;

public class WorkingHoursTests
{
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo _newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void A_reminder_in_working_hours_goes_at_once()
    {
        var tuesdayTenBerlin = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(tuesdayTenBerlin, WorkingHours.Default.NextOpen(tuesdayTenBerlin, _berlin));
    }

    [Fact]
    public void A_reminder_at_night_waits_for_nine_in_the_morning_in_the_reps_time_zone()
    {
        var tuesdayMidnightUtc = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), WorkingHours.Default.NextOpen(tuesdayMidnightUtc, _berlin));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), WorkingHours.Default.NextOpen(tuesdayMidnightUtc, _newYork));
    }

    [Fact]
    public void A_reminder_on_friday_evening_waits_for_monday()
    {
        var fridayEveningBerlin = new DateTimeOffset(2026, 12, 4, 18, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), WorkingHours.Default.NextOpen(fridayEveningBerlin, _berlin));
    }

    [Fact]
    public void The_start_of_the_day_follows_a_daylight_saving_change()
    {
        // Berlin moves to summer time on Sunday 28 March 2027: Monday 9:00 is then 07:00 UTC, not 08:00.
        var saturday = new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero), WorkingHours.Default.NextOpen(saturday, _berlin));
    }

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_is_read_as_the_first_valid_time_after_it()
    {
        var instant = WorkingHours.ToInstant(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), _berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Theory]
    [InlineData("8-17 mon-fri", "08:00–17:00 Mon, Tue, Wed, Thu, Fri")]
    [InlineData("08:30-17:30 mon,tue,thu", "08:30–17:30 Mon, Tue, Thu")]
    [InlineData("9-18 weekdays", "09:00–18:00 Mon, Tue, Wed, Thu, Fri")]
    [InlineData("10-16", "10:00–16:00 Mon, Tue, Wed, Thu, Fri")]
    [InlineData("20-23 sat-sun", "20:00–23:00 Mon, Sat, Sun")]
    public void Working_hours_are_read_as_people_write_them(string text, string expected)
    {
        var hours = WorkingHours.TryParse(text)!;

        Assert.Equal(expected.Replace("Mon, Sat, Sun", "Sat, Sun", StringComparison.Ordinal), hours.Describe());
        Assert.Equal(hours.Describe(), WorkingHours.TryParse(hours.Describe())!.Describe());
    }

    [Theory]
    [InlineData("17-8")]
    [InlineData("9-25")]
    [InlineData("whenever")]
    [InlineData("9-17 someday")]
    public void Working_hours_that_make_no_sense_are_refused(string text)
    {
        Assert.Null(WorkingHours.TryParse(text));
    }
}
