namespace SalesCoachBot.Core.Process;

/// <summary>The company's sales process matrix: selling models, their stages, and the vocabulary a rep needs.</summary>
public sealed record SalesProcess(
    string Name,
    string SourceFile,
    string DefaultModelId,
    EscalationTiming Defaults,
    IReadOnlyList<CustomerType> CustomerTypes,
    IReadOnlyList<GlossaryTerm> Glossary,
    IReadOnlyList<SellingModel> Models)
{
    /// <summary>The calendar month (1-12) the company's fiscal year starts in: quarters in dates and questions count from it.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;

    /// <summary>
    /// The company's currency (ISO 4217), if the file names one: an amount said without a currency, by a rep whose deals
    /// do not already share one, is in it, so a new rep's first deals count with everyone else's.
    /// </summary>
    public string? Currency { get; init; }

    public SellingModel DefaultModel => Models.First(m => m.Id == DefaultModelId);

    /// <summary>The win probabilities from which an open deal counts as commit or best case (the file's <c>forecast</c>).</summary>
    public ForecastThresholds Forecast { get; init; } = ForecastThresholds.Default;

    public SellingModel? FindModel(string? idOrName)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return null;
        }

        var key = Vocabulary.Key(idOrName);
        return Models.FirstOrDefault(m => m.Keys.Contains(key)) ?? Vocabulary.NearestWithinSlip(key, Models, m => m.Keys);
    }

    /// <summary>
    /// A customer type by id or name, also by the start of its name or its id's words ("small business", "smb",
    /// "existing customer", "mid market"); null when none or several fit.
    /// </summary>
    public CustomerType? FindCustomerType(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }

        var key = Vocabulary.Key(phrase);
        var exact = CustomerTypes.Where(c => Vocabulary.Key(c.Id) == key || Vocabulary.Key(c.Name) == key || Vocabulary.Key(c.Id.Replace('-', ' ')) == key).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var loose = CustomerTypes.Where(c => Vocabulary.Key(c.Name).StartsWith(key, StringComparison.Ordinal) || key.StartsWith(Vocabulary.Key(c.Name), StringComparison.Ordinal)).ToList();
        return loose.Count == 1 ? loose[0]
            : loose.Count == 0 ? Vocabulary.NearestWithinSlip(key, CustomerTypes, c => [Vocabulary.Key(c.Id), Vocabulary.Key(c.Name), Vocabulary.Key(c.Id.Replace('-', ' '))])
            : null;
    }

    /// <summary>The model a deal was created with; falls back to the default when a replaced process dropped it.</summary>
    /// <summary>
    /// The model a deal names (by id), else the default. The id is looked up as it is first: the free-text match of
    /// <see cref="FindModel"/> normalizes the text on every call, and a team's figures ask this of every deal a dozen
    /// times. The same model either way: the loader refuses a name or synonym that names two models.
    /// </summary>
    public SellingModel ModelOrDefault(string? modelId)
    {
        foreach (var model in Models)
        {
            if (string.Equals(model.Id, modelId, StringComparison.Ordinal))
            {
                return model;
            }
        }

        return FindModel(modelId) ?? DefaultModel;
    }
}

public sealed record EscalationTiming(TimeSpan ReminderGrace, TimeSpan EscalationGrace);

public sealed record CustomerType(
    string Id, string Name, string Definition, IReadOnlyList<string> Signals, IReadOnlyList<string> ModelIds);

public sealed record GlossaryTerm(string Term, IReadOnlyList<string> Synonyms, string Definition);

public sealed record SellingModel(
    string Id,
    string Name,
    IReadOnlyList<string> Synonyms,
    string Description,
    IReadOnlyList<Stage> Stages)
{
    internal IReadOnlySet<string> Keys { get; } =
        new HashSet<string>(new[] { Id, Name }.Concat(Synonyms).Select(Vocabulary.Key), StringComparer.Ordinal);

    /// <summary>Open stages in the order a deal moves through them.</summary>
    public IReadOnlyList<Stage> OpenStages => Stages.Where(s => s.Outcome == StageOutcome.Open).ToList();

    public Stage FirstStage => Stages[0];

    public Stage? GetStage(string id) => Stages.FirstOrDefault(s => s.Id == id);

    public Stage? ClosingStage(StageOutcome outcome) => Stages.FirstOrDefault(s => s.Outcome == outcome);

    public int IndexOf(Stage stage) => Stages.ToList().FindIndex(s => s.Id == stage.Id);

    /// <summary>The next open stage after <paramref name="stage"/>, or null at the last open stage.</summary>
    public Stage? NextOpenStage(Stage stage)
    {
        var open = OpenStages;
        var index = open.ToList().FindIndex(s => s.Id == stage.Id);
        return index >= 0 && index + 1 < open.Count ? open[index + 1] : null;
    }

    /// <summary>Open stages strictly between two stages when moving forward ("Prospect" to "Proposal" skips Qualify and Discovery).</summary>
    public IReadOnlyList<Stage> SkippedBetween(Stage from, Stage to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (to.Outcome == StageOutcome.Lost)
        {
            return [];
        }

        var open = OpenStages.ToList();
        var start = open.FindIndex(s => s.Id == from.Id);
        var end = to.IsClosed ? open.Count : open.FindIndex(s => s.Id == to.Id);
        return start >= 0 && end > start + 1 ? open.GetRange(start + 1, end - start - 1) : [];
    }

    /// <summary>Whether moving from one stage to another goes forward in the process (towards a win).</summary>
    public bool IsForward(Stage from, Stage to) =>
        to.Outcome != StageOutcome.Lost && !from.IsClosed && (to.Outcome == StageOutcome.Won || IndexOf(to) > IndexOf(from));

    /// <summary>
    /// Finds stages by id, name or synonym; falls back to a unique prefix ("nego" → Negotiation), then to the one stage
    /// within a typing slip ("negotiaton", "propsal").
    /// </summary>
    public IReadOnlyList<Stage> FindStages(string text)
    {
        var key = Vocabulary.Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        var exact = Stages.Where(s => s.Keys.Contains(key)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        if (key.Length < 3)
        {
            return [];
        }

        var prefix = Stages.Where(s => s.Keys.Any(k => k.StartsWith(key, StringComparison.Ordinal))).ToList();
        return prefix.Count > 0 ? prefix
            : Vocabulary.NearestWithinSlip(key, Stages, s => s.Keys) is { } near ? [near]
            : [];
    }
}

public enum StageOutcome
{
    Open,
    Won,
    Lost,
}

public sealed record Stage(
    string Id,
    string Name,
    IReadOnlyList<string> Synonyms,
    string Definition,
    string Objective,
    IReadOnlyList<string> ExitCriteria,
    bool BlockOnUnmetCriteria,
    IReadOnlyList<string> Actions,
    IReadOnlyList<StageTool> Tools,
    TimeSpan? AllowedTime,
    TimeSpan? ReminderGrace,
    TimeSpan? EscalationGrace,
    IReadOnlyList<string> FollowUps,
    decimal WinProbability,
    StageOutcome Outcome)
{
    internal IReadOnlySet<string> Keys { get; } =
        new HashSet<string>(new[] { Id, Name }.Concat(Synonyms).Select(Vocabulary.Key), StringComparer.Ordinal);

    public bool IsClosed => Outcome != StageOutcome.Open;
}

public enum ToolKind
{
    Collateral,
    LeadGeneration,
    Telesales,
    DirectMail,
    Presentation,
    Demo,
    Other,
}

public sealed record StageTool(ToolKind Kind, string Name, string Use);
