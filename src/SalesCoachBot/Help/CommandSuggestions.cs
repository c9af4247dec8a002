namespace SalesCoachBot.Help;

/// <summary>One thing the bot can do, as offered when a message was not understood.</summary>
/// <param name="Label">What it is for ("At risk").</param>
/// <param name="Example">What to say, exactly as the parser reads it.</param>
public sealed record CommandSuggestion(string Label, string Example);

/// <summary>
/// The commands nearest to a message the bot could not read, by the words they share with it ("whats my pipeline worth" →
/// my deals, my forecast). A word many commands share (deal, my) counts less than one only a few have (worry, compare),
/// so the suggestions follow what the rep was after rather than the commonest words.
/// </summary>
public static class CommandSuggestions
{
    /// <summary>Offered when no command shares a word with the message.</summary>
    public static IReadOnlyList<CommandSuggestion> Default { get; } =
    [
        new("Create", "new deal Contoso Ltd 45k"),
        new("Move", "move contoso to proposal"),
        new("Next step", "next step for contoso: send pricing by friday"),
        new("Pipeline", "my deals"),
    ];

    private const int MaxSuggestions = 3;

    // Each command with the words reps use when they mean it (singular; plurals are made singular before comparing).
    private static readonly (CommandSuggestion Suggestion, string[] Words)[] Commands =
    [
        (new("Pipeline", "my deals"), ["pipeline", "pipe", "deal", "worth", "value", "total", "open", "list", "opportunity", "opp"]),
        (new("Forecast", "my forecast this quarter"), ["forecast", "worth", "close", "closing", "commit", "expect", "quarter", "pipeline", "land", "number"]),
        (new("At risk", "deals at risk"), ["risk", "risky", "worry", "worried", "slipping", "slip", "danger", "concern", "concerned", "trouble", "problem", "late"]),
        (new("Stalled", "stalled deals"), ["stalled", "stuck", "stale", "stall", "old", "idle"]),
        (new("Due", "what's due this week"), ["due", "overdue", "todo", "task", "plate", "today", "week"]),
        (new("My results", "my stats this month"), ["stat", "doing", "result", "win", "rate", "quota", "performance", "score", "scorecard", "activity"]),
        (new("Team results", "team stats"), ["team", "rep", "compare", "comparison", "people", "leaderboard", "ranking", "seller", "manager"]),
        (new("Create", "new deal Contoso Ltd 45k"), ["new", "create", "add", "deal", "opportunity", "opp", "start"]),
        (new("Move", "move contoso to proposal"), ["move", "stage", "advance", "progress", "push", "forward"]),
        (new("Next step", "next step for contoso: send pricing by friday"), ["next", "step", "action", "plan"]),
        (new("Log an activity", "called contoso yesterday"), ["called", "call", "meeting", "met", "email", "emailed", "demo", "log", "visit", "visited"]),
        (new("Close", "contoso won"), ["won", "win", "lost", "lose", "signed", "close", "closed"]),
        (new("Snooze", "snooze contoso until friday"), ["snooze", "mute", "quiet", "reminder", "remind", "stop", "pause"]),
        (new("End a snooze", "unsnooze contoso"), ["unsnooze", "snooze", "resume", "wake", "unmute"]),
        (new("Process", "how does our sales process work?"), ["process", "stage", "how", "work", "sell", "selling", "playbook", "learn", "new", "hire", "criteria"]),
        (new("Undo", "undo"), ["undo", "revert", "mistake", "wrong", "back"]),
    ];

    private static readonly Dictionary<string, int> _sharedBy = Commands
        .SelectMany(c => c.Words.Distinct())
        .GroupBy(w => w, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Up to three commands sharing the most telling words with <paramref name="text"/>; <see cref="Default"/> when none does.</summary>
    public static IReadOnlyList<CommandSuggestion> For(string? text)
    {
        var said = Words(text ?? string.Empty);
        var ranked = Commands
            .Select((c, order) => (c.Suggestion, Order: order, Score: c.Words.Where(said.Contains).Sum(w => 1.0 / _sharedBy[w])))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Order)
            .Select(c => c.Suggestion)
            .DistinctBy(s => s.Example)
            .Take(MaxSuggestions)
            .ToList();
        return ranked.Count == 0 ? Default : ranked;
    }

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.ToLowerInvariant().Split([' ', ',', '.', '?', '!', ':', ';', '\'', '"', '/', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(raw);
            if (raw.Length > 3 && raw.EndsWith('s') && !raw.EndsWith("ss", StringComparison.Ordinal))
            {
                words.Add(raw[..^1]);
            }
        }

        return words;
    }
}
