using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// One stay of a deal in an open stage, read from its history: from the move into the stage to the move out of it.
/// <see cref="Exit"/> is the move out (null while the deal is still there); a reopened deal simply has more stays.
/// </summary>
public sealed record StageStay(Deal Deal, SellingModel Model, Stage Stage, DateTimeOffset Entered, DateTimeOffset? Left, StageChange? Exit)
{
    public TimeSpan Length(DateTimeOffset now) => (Left ?? now) - Entered is var length && length > TimeSpan.Zero ? length : TimeSpan.Zero;

    public bool IsOver(DateTimeOffset now) => Stage.AllowedTime is { } allowed && Length(now) > allowed;

    /// <summary>Left for a later open stage or a win (not lost, not moved back); null while still in the stage.</summary>
    public bool? Converted => Exit is null ? null : Model.GetStage(Exit.ToStageId) is { } to && Model.IsForward(Stage, to);
}

public static class StageStays
{
    /// <summary>Every stay of the deal in an open stage of its model, oldest first.</summary>
    public static IReadOnlyList<StageStay> Of(Deal deal, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(process);
        var model = process.ModelOrDefault(deal.ModelId);
        var history = deal.History.OrderBy(h => h.At).ToList();
        var stays = new List<StageStay>();
        for (var i = 0; i < history.Count; i++)
        {
            if (model.GetStage(history[i].ToStageId) is not { IsClosed: false } stage)
            {
                continue;
            }

            var exit = i + 1 < history.Count ? history[i + 1] : null;
            var left = exit?.At ?? (deal.IsOpen ? null : deal.ClosedAt);
            stays.Add(new StageStay(deal, model, stage, history[i].At, left, exit));
        }

        return stays;
    }

    /// <summary>
    /// Whether the deal went past <paramref name="stage"/> (left it forward, or jumped over it) and, if so, whether
    /// <paramref name="criterion"/> of that stage was confirmed then (or ticked later). Null: the deal never went past it.
    /// </summary>
    public static bool? ConfirmedOnTheWay(Deal deal, SellingModel model, Stage stage, string criterion)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        bool? result = null;
        foreach (var move in deal.History)
        {
            if (move.FromStageId is null || model.GetStage(move.FromStageId) is not { } from || model.GetStage(move.ToStageId) is not { } to || !model.IsForward(from, to))
            {
                continue;
            }

            var passes = from.Id == stage.Id || (move.Skipped?.Contains(stage.Id, StringComparer.Ordinal) ?? false) || model.SkippedBetween(from, to).Any(s => s.Id == stage.Id);
            if (passes)
            {
                // The last time the deal went past the stage decides (a reopened deal may confirm it the second time).
                result = !(move.Unconfirmed?.Contains(criterion, StringComparer.Ordinal) ?? false);
            }
        }

        return result;
    }
}
