using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>Issue 13: how people ask for an export or a pipeline chart, and what must stay something else.</summary>
public sealed class ExportPhrasingTests
{
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    [Theory]
    [InlineData("export my deals")]
    [InlineData("Export my deals")]
    [InlineData("export my pipeline")]
    [InlineData("export deals")]
    [InlineData("export all my deals to csv")]
    [InlineData("download my deals as csv")]
    [InlineData("download my deals as a spreadsheet")]
    [InlineData("export my opportunities to excel")]
    [InlineData("can I get my deals as a csv?")]
    [InlineData("please export my deals")]
    [InlineData("give me a csv of my deals")]
    [InlineData("csv of my pipeline")]
    [InlineData("export my open deals")]
    public void Asks_for_the_reps_own_deals(string text) =>
        Assert.Equal(new ExportDeals(ExportScope.MyDeals), CommandParser.Parse(text, _context));

    [Theory]
    [InlineData("export team pipeline")]
    [InlineData("export the team pipeline")]
    [InlineData("export my team's deals")]
    [InlineData("download the team pipeline as csv")]
    [InlineData("export our team pipeline to excel")]
    [InlineData("csv of the team pipeline")]
    [InlineData("export team deals")]
    public void Asks_for_the_team_pipeline(string text) =>
        Assert.Equal(new ExportDeals(ExportScope.TeamPipeline), CommandParser.Parse(text, _context));

    [Theory]
    [InlineData("pipeline chart")]
    [InlineData("show my pipeline chart")]
    [InlineData("show me the pipeline funnel")]
    [InlineData("funnel")]
    [InlineData("funnel chart")]
    [InlineData("chart my pipeline")]
    [InlineData("graph my deals")]
    [InlineData("show my pipeline as a chart")]
    [InlineData("my pipeline as a funnel")]
    public void Asks_for_the_pipeline_chart(string text) =>
        Assert.IsType<ShowPipelineChart>(CommandParser.Parse(text, _context));

    [Theory]
    [InlineData("team pipeline", typeof(AskInsight))]
    [InlineData("my deals", typeof(ListDeals))]
    [InlineData("show my pipeline", typeof(ListDeals))]
    [InlineData("export contoso", typeof(NotUnderstood))]
    [InlineData("new deal Export Deals Ltd 45k", typeof(CreateDeal))]
    public void Other_messages_stay_what_they_were(string text, Type expected) =>
        Assert.IsType(expected, CommandParser.Parse(text, _context));
}
