namespace SalesCoachBot.Core.Deals;

/// <summary>
/// The deal's next-step history (<see cref="Deal.NextStepHistory"/>): each next step's set instant and due date, when
/// the rep made progress on it and when it was replaced or dropped, so "next steps done on time" can be counted.
/// </summary>
public static partial class DealRules
{
    /// <summary>
    /// How many next steps a deal remembers: the latest ones (a small record each, no text, so the deal and the
    /// snapshots its undo trail keeps stay small).
    /// </summary>
    public const int MaxNextStepHistory = 50;

    /// <summary>A new next step: the current one (if any) ends now, and the new one is remembered.</summary>
    private static IReadOnlyList<NextStepRecord> StepSet(Deal deal, NextStep? step, DateTimeOffset now)
    {
        var ended = StepEnded(deal, now);
        return step is null ? ended : [.. ended.TakeLast(MaxNextStepHistory - 1), new NextStepRecord(step.SetAt, step.Due)];
    }

    /// <summary>The current next step was replaced or dropped: its record ends now (it keeps whether it was done).</summary>
    private static IReadOnlyList<NextStepRecord> StepEnded(Deal deal, DateTimeOffset now) =>
        Current(deal) is { } index ? Replace(deal.NextStepHistory, index, deal.NextStepHistory[index] with { EndedAt = now }) : deal.NextStepHistory;

    /// <summary>
    /// The rep made progress on the deal (an activity done, a move forward, a win) while a next step was open: it counts as
    /// done, at <paramref name="now"/>, on <paramref name="doneOn"/> (the activity's own day) when the rep said one.
    /// </summary>
    private static IReadOnlyList<NextStepRecord> StepDone(Deal deal, DateTimeOffset now, DateOnly? doneOn = null) =>
        Current(deal) is { } index && deal.NextStepHistory[index].DoneAt is null
            ? Replace(deal.NextStepHistory, index, deal.NextStepHistory[index] with { DoneAt = now, DoneOn = doneOn })
            : deal.NextStepHistory;

    /// <summary>
    /// The record of the deal's current next step: the last one, still open, set when the current step was. A deal
    /// saved before the history existed has none, and its step counts as nothing rather than as a failure.
    /// </summary>
    private static int? Current(Deal deal) =>
        deal.NextStep is { } step && deal.NextStepHistory.Count > 0 && deal.NextStepHistory[^1] is { EndedAt: null } last && last.SetAt == step.SetAt
            ? deal.NextStepHistory.Count - 1
            : null;

    private static IReadOnlyList<NextStepRecord> Replace(IReadOnlyList<NextStepRecord> history, int index, NextStepRecord record) =>
        [.. history.Take(index), record, .. history.Skip(index + 1)];
}
