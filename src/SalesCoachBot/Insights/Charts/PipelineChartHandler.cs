using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights.Charts;

/// <summary>"pipeline chart": the rep's open deals by stage, as a funnel picture with its numbers in text.</summary>
public sealed class PipelineChartHandler(IDealStore store, IChartLinks links)
{
    public async Task<BotReply> ShowAsync(ShowPipelineChart command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = await store.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return BotReply.Plain("You have no open deals, so there is no pipeline to draw yet. Say \"new deal Contoso 45k\" to add one.");
        }

        var chart = Funnel(open, context.Process);
        var card = PipelineChartCard.Build(chart, links.PictureFor(chart, context.Owner));
        return BotReply.Card(ChartText.Describe(chart), card);
    }

    /// <summary>
    /// Open deals by stage, first stage on top: bars by number of deals (amounts in several currencies cannot share one
    /// bar), each with its count and its amount per currency. Where the deals follow more than one selling model, each
    /// model's stages come together under its name ("Enterprise · Discovery"), default model first: the models' stages
    /// are different funnels, and one column of all of them read as a funnel no deal goes through.
    /// </summary>
    public static FunnelChart Funnel(IReadOnlyList<Deal> open, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(process);
        var models = process.Models.OrderBy(m => m.Id == process.DefaultModelId ? 0 : 1).ToList();
        var byModel = open.GroupBy(d => process.ModelOrDefault(d.ModelId)).OrderBy(g => models.IndexOf(g.Key)).ToList();
        var named = byModel.Count > 1;
        var bars = byModel.SelectMany(model => model
            .GroupBy(d => model.Key.GetStage(d.StageId)?.Name ?? d.StageId, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => model.Key.OpenStages.ToList().FindIndex(s => string.Equals(s.Name, g.Key, StringComparison.OrdinalIgnoreCase)) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => new ChartBar(
                named ? $"{model.Key.Name} · {g.Key}" : g.Key,
                g.Count(),
                Describe(g.ToList(), UserFormat.Money),
                Describe(g.ToList(), UserFormat.ShortMoney))))
            .ToList();
        return new FunnelChart("Your pipeline by stage", bars);
    }

    private static string Describe(IReadOnlyList<Deal> deals, Func<Money, string> money)
    {
        var amounts = deals.Where(d => d.Amount is not null)
            .GroupBy(d => d.Amount!.Value.Currency ?? string.Empty)
            .OrderByDescending(g => g.Count())
            .Select(g => money(new Money(g.Sum(d => d.Amount!.Value.Amount), g.Key.Length == 0 ? null : g.Key)));
        var count = InsightText.DealCount(deals.Count);
        var sums = string.Join(" + ", amounts);
        return sums.Length == 0 ? count : $"{count} · {sums}";
    }
}
