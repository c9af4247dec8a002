using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>Issue 13: how a rep turns their weekly summary off and on, and what must stay something else.</summary>
public sealed class WeeklySummaryPhrasingTests
{
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    [Theory]
    [InlineData("no weekly summary")]
    [InlineData("No weekly summary.")]
    [InlineData("no more weekly summaries")]
    [InlineData("weekly summary off")]
    [InlineData("my weekly summary off")]
    [InlineData("turn off my weekly summary")]
    [InlineData("turn the weekly summary off")]
    [InlineData("stop the weekly summary")]
    [InlineData("stop sending me the weekly summary")]
    [InlineData("please stop the weekly summaries")]
    [InlineData("disable weekly summary")]
    [InlineData("unsubscribe from the weekly summary")]
    [InlineData("I don't want the weekly summary")]
    [InlineData("no weekly scorecard")]
    public void Turns_it_off(string text) =>
        Assert.Equal(new SetWeeklySummary(On: false), CommandParser.Parse(text, _context));

    [Theory]
    [InlineData("weekly summary on")]
    [InlineData("Weekly summary on again")]
    [InlineData("turn on my weekly summary")]
    [InlineData("turn the weekly summary back on")]
    [InlineData("enable weekly summaries")]
    [InlineData("resume the weekly summary")]
    [InlineData("start my weekly summary again")]
    [InlineData("send me a weekly summary")]
    [InlineData("I want the weekly summary")]
    [InlineData("weekly scorecard on")]
    public void Turns_it_on(string text) =>
        Assert.Equal(new SetWeeklySummary(On: true), CommandParser.Parse(text, _context));

    [Theory]
    [InlineData("how am I doing", typeof(AskInsight))]
    [InlineData("my stats last week", typeof(AskInsight))]
    [InlineData("new deal Weekly Summary Ltd 45k", typeof(CreateDeal))]
    [InlineData("weekly summary", typeof(NotUnderstood))]
    public void Other_messages_stay_what_they_were(string text, Type expected) =>
        Assert.IsType(expected, CommandParser.Parse(text, _context));
}
