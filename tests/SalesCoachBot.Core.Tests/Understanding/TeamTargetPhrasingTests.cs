using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>Issue 13: a manager's weekly activity targets for their team, as managers type them, and what stays something else.</summary>
public sealed class TeamTargetPhrasingTests
{
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    private static string Describe(Command command) => command switch
    {
        SetTeamTarget set => $"Set {set.Measure?.ToString() ?? $"?{set.KindWords}"}={set.PerWeek}{(set.OtherUnit is { } unit ? $"/{unit}" : string.Empty)}",
        RemoveTeamTarget remove => $"Remove {remove.Measure?.ToString() ?? $"?{remove.KindWords}"}",
        ShowTeamTargets => "Show",
        AskInsight ask => ask.Kind.ToString(),
        _ => command.GetType().Name,
    };

    [Theory]
    [InlineData("team target: 20 calls a week per rep", "Set Calls=20")]
    [InlineData("Team target: 20 calls a week per rep.", "Set Calls=20")]
    [InlineData("team target 5 meetings a week", "Set Meetings=5")]
    [InlineData("team target: 2 new deals a week", "Set NewDeals=2")]
    [InlineData("set a team target of 20 calls per week", "Set Calls=20")]
    [InlineData("set the team target to 3 demos a week for each rep", "Set Demos=3")]
    [InlineData("team goal: 10 emails weekly", "Set Emails=10")]
    [InlineData("team target: 25 activities a week per rep", "Set Activities=25")]
    [InlineData("team target: 2 proposals sent a week", "Set ProposalsSent=2")]
    [InlineData("team target: 20 phone calls / week per person", "Set Calls=20")]
    [InlineData("team target for calls: 15 a week", "Set Calls=15")]
    [InlineData("team target for new deals is 3", "Set NewDeals=3")]
    [InlineData("team target: 40 calls", "Set Calls=40")]
    public void Sets_a_weekly_target(string text, string expected) =>
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));

    [Theory]
    [InlineData("team target: 10 lunches a week", "Set ?lunches=10")]
    [InlineData("team target: 4 calls a day per rep", "Set Calls=4/day")]
    [InlineData("team target: 80 calls a month", "Set Calls=80/month")]
    [InlineData("team target: 0 calls a week", "Set Calls=0")]
    public void Reads_a_kind_or_period_it_cannot_use_so_the_bot_can_say_why(string text, string expected) =>
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));

    [Theory]
    [InlineData("team targets", "Show")]
    [InlineData("show the team targets", "Show")]
    [InlineData("what are my team targets?", "Show")]
    [InlineData("what are our team's targets", "Show")]
    [InlineData("team goals", "Show")]
    public void Lists_them(string text, string expected) =>
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));

    [Theory]
    [InlineData("no team target for calls", "Remove Calls")]
    [InlineData("remove the team target for meetings", "Remove Meetings")]
    [InlineData("delete the team target for new deals", "Remove NewDeals")]
    [InlineData("clear the calls team target", "Remove Calls")]
    [InlineData("team target for demos: none", "Remove Demos")]
    [InlineData("no team target for lunches", "Remove ?lunches")]
    public void Removes_one(string text, string expected) =>
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));

    [Theory]
    [InlineData("team pipeline", "TeamPipeline")]
    [InlineData("team stats this quarter", "TeamStats")]
    [InlineData("team forecast", "TeamForecast")]
    public void Team_questions_stay_questions(string text, string expected) =>
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));
}
