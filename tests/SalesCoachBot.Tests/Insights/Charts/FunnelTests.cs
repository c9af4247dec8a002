using SalesCoachBot.Core.Deals;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Tests.Cards;

namespace SalesCoachBot.Tests.Insights.Charts;

/// <summary>The pipeline funnel: one funnel per selling model, each in its own stage order.</summary>
public sealed class FunnelTests
{
    private static Deal Open(string name, string model, string stage) => CardCatalog.Deal(name, stage) with { ModelId = model };

    [Fact]
    public void Deals_of_one_model_are_barred_by_stage_name_in_the_models_order()
    {
        var funnel = PipelineChartHandler.Funnel([Open("A", "consultative", "proposal"), Open("B", "consultative", "prospect"), Open("C", "consultative", "proposal")], CardCatalog.Process);

        Assert.Equal(["Prospect", "Proposal"], funnel.Stages.Select(b => b.Label));
        Assert.Equal([1.0, 2.0], funnel.Stages.Select(b => b.Value));
    }

    [Fact]
    public void Deals_of_several_models_are_grouped_by_model_default_model_first_each_in_its_own_stage_order()
    {
        var funnel = PipelineChartHandler.Funnel(
            [
                Open("A", "enterprise", "solution-design"),
                Open("B", "transactional", "quote"),
                Open("C", "consultative", "discovery"),
                Open("D", "enterprise", "qualify"),
                Open("E", "transactional", "lead"),
                Open("F", "consultative", "discovery"),
            ],
            CardCatalog.Process);

        var defaultModel = CardCatalog.Process.ModelOrDefault(null).Name;
        var labels = funnel.Stages.Select(b => b.Label).ToList();
        Assert.StartsWith($"{defaultModel} · ", labels[0], StringComparison.Ordinal);
        Assert.Equal(
            ["Enterprise · Qualify", "Enterprise · Solution Design"],
            labels.Where(l => l.StartsWith("Enterprise", StringComparison.Ordinal)));
        Assert.Equal(["Transactional · Lead", "Transactional · Quote"], labels.Where(l => l.StartsWith("Transactional", StringComparison.Ordinal)));
        Assert.Equal(2.0, funnel.Stages.Single(b => b.Label == "Consultative · Discovery").Value);
        Assert.Equal(6.0, funnel.Stages.Sum(b => b.Value));
    }
}
