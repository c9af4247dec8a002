using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Insights.Export;

/// <summary>"export my deals", "export team pipeline": a card with a download link bound to the asker.</summary>
public sealed class ExportCommandHandler(DealExport export, ExportLinks links, ILogger<ExportCommandHandler> logger)
{
    public async Task<BotReply> ExportAsync(ExportDeals command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (context.InSharedConversation)
        {
            // Everyone here would see the button, and the link opens without a Teams sign-in for 15 minutes.
            return BotReply.Plain("I send exports only in our 1:1 chat, where the download link stays yours. Message me directly and say \"export my deals\" there.");
        }

        var reps = 0;
        if (command.Scope == ExportScope.TeamPipeline)
        {
            reps = (await export.TeamAsync(context.Owner, me: null, cancellationToken).ConfigureAwait(false)).Count;
            if (reps == 0)
            {
                return BotReply.Plain("Nobody has you as their manager here yet, so there is no team pipeline to export. \"export my deals\" exports your own.");
            }
        }

        var rows = await export.RowsAsync(context.Owner, command.Scope, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Export link made: {Scope}, {Rows} rows, for user {UserId}", command.Scope, rows.Count, context.Owner.UserId);
        var link = links.For(context.Owner, command.Scope);
        return BotReply.Card(ExportCard.Summary(command.Scope, rows.Count, reps), ExportCard.Build(command.Scope, rows.Count, reps, link));
    }
}
