using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Tests.Process;

public class IsoDurationTests
{
    [Theory]
    [InlineData("P7D", 7 * 86400)]
    [InlineData("P2W", 14 * 86400)]
    [InlineData("PT30S", 30)]
    [InlineData("PT20S", 20)]
    [InlineData("P1DT12H", 36 * 3600)]
    [InlineData("PT1.5H", 5400)]
    [InlineData("PT90M", 5400)]
    public void Reads_weeks_days_hours_minutes_and_seconds(string text, int seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("7 days")]
    [InlineData("P0D")]
    [InlineData("-P1D")]
    [InlineData("P1DT")]
    public void Refuses_what_is_not_an_exact_positive_duration(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }
}
