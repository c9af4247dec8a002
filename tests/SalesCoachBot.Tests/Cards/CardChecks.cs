using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// What every card the tests see goes through: the official renderer with Teams' host config (always: the test build
/// installs it), then the official JSON schema where this machine has it (<see cref="AdaptiveCardSchema.IsPresent"/>).
/// </summary>
internal static class CardChecks
{
    /// <summary>Every problem either check finds, each line saying which check found it; empty when the card is fine.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string cardJson)
    {
        var rendererProblems = await AdaptiveCardRenderer.Shared.ProblemsAsync(cardJson).ConfigureAwait(false);
        return Combine(rendererProblems, cardJson);
    }

    /// <summary>The same as <see cref="ProblemsAsync"/>, for synchronous test helpers.</summary>
    public static IReadOnlyList<string> Problems(string cardJson) =>
        Combine(AdaptiveCardRenderer.Shared.Problems(cardJson), cardJson);

    /// <summary>Fails the test, naming the card and every problem, unless the card passes both checks.</summary>
    public static void AssertShowsInTeams(string cardJson, string what = "The card")
    {
        var problems = Problems(cardJson);
        Assert.True(problems.Count == 0, $"{what} fails the card checks:\n{string.Join("\n", problems)}\n{cardJson}");
    }

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
