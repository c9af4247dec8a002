using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>Working hours as people say them reach the reminder rules as hours they can read.</summary>
public sealed class WorkingHoursPhrasingTests
{
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    [Theory]
    [InlineData("my hours 0-24 every day", "00:00", "23:59")]
    [InlineData("my hours 8-17 mon-fri", "08:00", "17:00")]
    [InlineData("my hours 9 to 5", "09:00", "17:00")]
    public void Said_hours_are_read_as_working_hours(string text, string start, string end)
    {
        var command = Assert.IsType<SetWorkingHours>(CommandParser.Parse(text, _context));

        var hours = WorkingHours.TryParse(command.Spec);

        Assert.NotNull(hours);
        Assert.Equal(start, hours.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, hours.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}
