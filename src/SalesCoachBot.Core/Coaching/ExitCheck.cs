using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Coaching;

/// <summary>One exit criterion a rep is asked to confirm before a deal moves on. Its id is stable for a given process file.</summary>
public sealed record Criterion(string Id, Stage Stage, string Text)
{
    public bool Blocks => Stage.BlockOnUnmetCriteria;
}

public enum ExitVerdict
{
    /// <summary>Every criterion is confirmed, or the unconfirmed ones only warn: the deal may move.</summary>
    Allowed,

    /// <summary>A stage that blocks on unmet criteria has unconfirmed ones: the deal stays.</summary>
    Blocked,
}

public sealed record ExitDecision(ExitVerdict Verdict, IReadOnlyList<Criterion> Unconfirmed)
{
    public IReadOnlyList<Criterion> Blocking => Unconfirmed.Where(c => c.Blocks).ToList();
}

/// <summary>
/// What must be true before a deal moves forward: the exit criteria of the stage it leaves and of every stage it skips.
/// The process file says per stage whether unmet criteria block the move or only warn.
/// </summary>
public sealed record ExitCheck(SellingModel Model, Stage From, Stage To, IReadOnlyList<Stage> Skipped, IReadOnlyList<Criterion> Criteria)
{
    /// <summary>The check for a move, or null when the move needs none (backwards, or to a lost outcome).</summary>
    public static ExitCheck? For(SellingModel model, Stage from, Stage to)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsForward(from, to))
        {
            return null;
        }

        var skipped = model.SkippedBetween(from, to);
        var criteria = new[] { from }.Concat(skipped)
            .SelectMany(stage => stage.ExitCriteria.Select((text, i) => new Criterion($"{stage.Id}-{i}", stage, text)))
            .ToList();
        return criteria.Count == 0 ? null : new ExitCheck(model, from, to, skipped, criteria);
    }

    public bool AnyBlocks => Criteria.Any(c => c.Blocks);

    public ExitDecision Decide(IReadOnlySet<string> confirmedIds)
    {
        ArgumentNullException.ThrowIfNull(confirmedIds);
        var unconfirmed = Criteria.Where(c => !confirmedIds.Contains(c.Id)).ToList();
        return new ExitDecision(unconfirmed.Any(c => c.Blocks) ? ExitVerdict.Blocked : ExitVerdict.Allowed, unconfirmed);
    }

    public ExitDecision ConfirmAll() => Decide(Criteria.Select(c => c.Id).ToHashSet());
}
