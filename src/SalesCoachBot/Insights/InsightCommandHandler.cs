using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Insights;

/// <summary>
/// Questions about results: forecasts, win rates, what is due, the team. Until the figures are computed, each gets an
/// honest "not yet" that says what the bot can show instead: never a glossary miss, never a deal named after the question.
/// </summary>
public sealed class InsightCommandHandler
{
    public Task<BotReply> AskAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var what = command.Kind switch
        {
            InsightKind.Forecast => "forecasts",
            InsightKind.Stats => "your results and activity figures",
            InsightKind.AtRisk => "a ranking of deals at risk",
            InsightKind.Due => "a list of what is due",
            InsightKind.TeamPipeline => "the team pipeline",
            InsightKind.TeamForecast => "the team forecast",
            InsightKind.TeamStats => "the team scorecard",
            _ => $"how {command.RepPhrase ?? "a rep"} is doing",
        };
        var instead = command.Kind is InsightKind.TeamPipeline or InsightKind.TeamForecast or InsightKind.TeamStats or InsightKind.RepStats
            ? "\"stalled deals\" shows your team's deals that are past their allowed time"
            : "\"my deals\" shows your pipeline with its totals, and \"stalled deals\" what is past its allowed time";
        return Task.FromResult(BotReply.Plain($"I can't show {what} yet. For now, {instead}."));
    }
}
