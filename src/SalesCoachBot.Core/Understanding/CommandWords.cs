namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Corrects typing slips in the words that say which command is meant ("mvoe", "advnace", "nwe deal", "clled", "snoze").
/// Only the first two words of a message are corrected, so deal names and notes keep what the user typed.
/// </summary>
internal static class CommandWords
{
    private static readonly string[] Verbs =
    [
        "move", "moved", "moving", "advance", "rename", "delete", "remove", "reopen", "snooze", "remind", "called", "create",
        "update", "undo", "new", "next", "lost", "won", "signed", "closed", "mark", "show", "list", "log", "emailed", "sent",
        "switch", "change", "push", "pull", "delay", "what", "help", "forecast", "pipeline", "stalled", "deal", "step", "steps",
    ];

    // Real words one edit from a command word: never corrected ("close" is not "closed", "deals" is not "deal").
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "close", "closes", "closing", "closer", "send", "sends", "sign", "signs", "moves", "mover", "shows", "lists", "logs", "marks",
        "pushes", "pulls", "delays", "reminds", "removed", "deleted", "updated", "changed", "created", "advanced", "renamed",
        "snoozed", "meet", "meeting", "email", "emails", "demo", "demos", "lunch", "whats", "where", "there", "these", "those",
        "which", "while", "deals", "dealt", "stages", "stage", "steps", "stepped", "lose", "lost", "last", "list", "post", "most",
        "host", "cost", "love", "more", "move", "mode", "wont", "what", "when", "then", "than", "that", "shut", "short", "calls",
        "caller", "calendar", "help", "held", "hello", "helps", "next", "text", "news", "newer", "snooze", "undo", "under",
    };

    // Slips too short for an edit-distance guess, or that no rule would find.
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nxt"] = "next",
        ["wat"] = "what",
        ["wht"] = "what",
        ["dael"] = "deal",
        ["stpe"] = "step",
    };

    /// <summary>The command word meant by <paramref name="word"/>, or the word unchanged.</summary>
    public static string Correct(string word, int position)
    {
        var bare = word.TrimEnd(',', ':', '!', '.');
        var tail = word[bare.Length..];
        var lower = bare.ToLowerInvariant();
        if (position == 0 && lower == "nw")
        {
            return "new" + tail;
        }

        if (lower.Length < 3 || Verbs.Contains(lower) || Words.Contains(lower) || lower.Any(c => !char.IsAsciiLetterLower(c)))
        {
            return word;
        }

        if (Known.TryGetValue(lower, out var known))
        {
            return known + tail;
        }

        // "neww", "wonn": a doubled letter.
        var undoubled = Undouble(lower);
        if (undoubled != lower && Verbs.Contains(undoubled))
        {
            return undoubled + tail;
        }

        // One edit for 5+ letters; only two swapped letters for shorter words ("mvoe", "lsot"), where one edit
        // would turn everyday words ("love", "post") into commands. The second word only corrects to "deal" or "step".
        var candidates = Verbs
            .Where(v => position == 0 || v is "deal" or "step" or "steps")
            .Where(v => lower.Length >= 5
                ? EditDistance.DamerauLevenshtein(lower, v) == 1
                : v.Length == lower.Length && IsSwap(lower, v))
            .ToList();
        return candidates.Count == 1 ? candidates[0] + tail : word;
    }

    private static bool IsSwap(string a, string b)
    {
        var differences = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return differences is [var first, var second] && second == first + 1 && a[first] == b[second] && a[second] == b[first];
    }

    private static string Undouble(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1])
            {
                return word.Remove(i, 1);
            }
        }

        return word;
    }
}
