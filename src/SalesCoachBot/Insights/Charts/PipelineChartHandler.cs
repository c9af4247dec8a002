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
    /// Open deals by stage, in the order of the default model's stages and then any other model's: bars by number of deals
    /// (amounts in several currencies cannot share one bar), each with its count and its amount per currency.
    /// </summary>
    public static FunnelChart Funnel(IReadOnlyList<Deal> open, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var order = process.Models.OrderBy(m => m.Id == process.DefaultModelId ? 0 : 1)
            .SelectMany(m => m.OpenStages.Select(s => s.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var byStage = open
            .GroupBy(d => process.ModelOrDefault(d.ModelId).GetStage(d.StageId)?.Name ?? d.StageId, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => order.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => new ChartBar(g.Key, g.Count(), Describe(g.ToList(), UserFormat.Money), Describe(g.ToList(), UserFormat.ShortMoney)))
            .ToList();
        return new FunnelChart("Your pipeline by stage", byStage);
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
