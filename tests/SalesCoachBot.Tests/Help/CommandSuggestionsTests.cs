using SalesCoachBot.Help;

namespace SalesCoachBot.Tests.Help;

public sealed class CommandSuggestionsTests
{
    [Theory]
    [InlineData("whats my pipeline worth", "my deals|my forecast this quarter")]
    [InlineData("any deals i should worry about", "deals at risk")]
    [InlineData("compare my reps", "team stats")]
    [InlineData("which of my deals are stuck", "stalled deals")]
    [InlineData("i want to log that i visited them", "called contoso yesterday")]
    public void The_nearest_commands_come_first(string said, string expected)
    {
        var offered = CommandSuggestions.For(said).Select(s => s.Example).ToList();

        // The first ones offered are the expected ones, in any order among themselves.
        var wanted = expected.Split('|');
        Assert.Equal(wanted.Order(StringComparer.Ordinal), offered.Take(wanted.Length).Order(StringComparer.Ordinal));
        Assert.InRange(offered.Count, 1, 3);
    }

    [Theory]
    [InlineData("flibbertigibbet wobble")]
    [InlineData("")]
    [InlineData(null)]
    public void Words_no_command_has_get_the_usual_four(string? said) =>
        Assert.Equal(CommandSuggestions.Default, CommandSuggestions.For(said));
}
