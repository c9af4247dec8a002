using SalesCoachBot.Cards.Model;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights.Charts;

/// <summary>A chart on a card: the picture (a signed link), and the same numbers as text underneath.</summary>
public static class PipelineChartCard
{
    public static AdaptiveCard Build(FunnelChart chart, Uri picture) => CardParts.Card(
        [
            CardParts.Heading(chart.Title),
            new Image { Url = picture, AltText = ChartText.Describe(chart), Size = ImageSize.Stretch, SelectAction = new OpenUrlAction { Title = "Open the chart", Url = picture } },
            new FactSet { Facts = [.. chart.Stages.Select(s => new Fact(s.Label, s.ValueText))] },
        ]);
}
