using System.Collections.Concurrent;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// What every card the tests see goes through: the official renderer with Teams' host config (always: the test build
/// installs it), then the official JSON schema where this machine has it (<see cref="AdaptiveCardSchema.IsPresent"/>).
/// </summary>
internal static class CardChecks
{
    // Answers by card text. Most cards are met twice (the stand-in connector checks what the bot sends, then the test
    // reads the same card), and the schema check costs tens of milliseconds a card; both checks are deterministic.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> _checked = new(StringComparer.Ordinal);

    /// <summary>Every problem either check finds, each line saying which check found it; empty when the card is fine.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string cardJson)
    {
        if (_checked.TryGetValue(cardJson, out var known))
        {
            return known;
        }

        var rendererProblems = await AdaptiveCardRenderer.Shared.ProblemsAsync(cardJson).ConfigureAwait(false);
        return _checked.GetOrAdd(cardJson, Combine(rendererProblems, cardJson));
    }

    /// <summary>The same as <see cref="ProblemsAsync"/>, for synchronous test helpers.</summary>
    public static IReadOnlyList<string> Problems(string cardJson) =>
        _checked.TryGetValue(cardJson, out var known)
            ? known
            : _checked.GetOrAdd(cardJson, Combine(AdaptiveCardRenderer.Shared.Problems(cardJson), cardJson));

    /// <summary>Fails the test, naming the card and every problem, unless the card passes both checks.</summary>
    public static void AssertShowsInTeams(string cardJson, string what = "The card") =>
        AssertNoProblems(Problems(cardJson), cardJson, what);

    /// <summary>The same as <see cref="AssertShowsInTeams"/>, without blocking a thread on the renderer.</summary>
    public static async Task AssertShowsInTeamsAsync(string cardJson, string what = "The card") =>
        AssertNoProblems(await ProblemsAsync(cardJson).ConfigureAwait(false), cardJson, what);

    private static void AssertNoProblems(IReadOnlyList<string> problems, string cardJson, string what) =>
        Assert.True(problems.Count == 0, $"{what} fails the card checks:\n{string.Join("\n", problems)}\n{cardJson}");

    private static List<string> Combine(IReadOnlyList<string> rendererProblems, string cardJson)
    {
        var problems = rendererProblems.Select(p => "renderer: " + p).ToList();
        if (AdaptiveCardSchema.IsPresent)
        {
            problems.AddRange(AdaptiveCardSchema.Validate(cardJson).Select(e => "schema: " + e));
        }

        return problems;
    }
}
