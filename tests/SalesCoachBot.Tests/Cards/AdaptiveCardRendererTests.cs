using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// The renderer check fails on the mistakes it is there for: a check that passes every card would prove nothing.
/// Each bad card differs from a good one in one place.
/// </summary>
public sealed class AdaptiveCardRendererTests
{
    private static Task<IReadOnlyList<string>> ProblemsAsync(string cardJson) => AdaptiveCardRenderer.Shared.ProblemsAsync(cardJson);

    private static string Card(string body, string actions = "[]", string version = "1.5") =>
        $$"""{"type":"AdaptiveCard","version":"{{version}}","body":{{body}},"actions":{{actions}}}""";

    private static string Buttons(int count) =>
        "[" + string.Join(",", Enumerable.Range(1, count).Select(i => $$"""{"type":"Action.Execute","title":"B{{i}}","verb":"v{{i}}"}""")) + "]";

    private static async Task AssertOneProblemAsync(string cardJson, string expected)
    {
        var problems = await ProblemsAsync(cardJson);

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderer_is_the_pinned_adaptivecards_package()
    {
        Assert.Equal("3.0.6", AdaptiveCardRenderer.Shared.Version);
    }

    [Fact]
    public async Task A_card_Teams_shows_has_no_problems()
    {
        var card = Card(
            """[{"type":"TextBlock","text":"Contoso","size":"large","wrap":true},{"type":"Input.Text","id":"next","label":"Next step"}]""",
            """[{"type":"Action.Execute","title":"Save","verb":"save","data":{"dealId":"d-1"}}]""");

        Assert.Empty(await ProblemsAsync(card));
    }

    [Fact]
    public async Task An_unknown_element_type_is_a_problem()
    {
        await AssertOneProblemAsync(Card("""[{"type":"TextBlok","text":"Contoso"}]"""), "UnknownElementType: Unknown element type \"TextBlok\"");
    }

    [Fact]
    public async Task An_invalid_enum_value_is_a_problem()
    {
        await AssertOneProblemAsync(Card("""[{"type":"TextBlock","text":"Contoso","size":"huge"}]"""), "InvalidPropertyValue at TextBlock: Invalid value \"huge\" for property \"size\"");
    }

    [Fact]
    public async Task An_unknown_action_type_is_a_problem()
    {
        await AssertOneProblemAsync(Card("[]", """[{"type":"Action.Invoke","title":"Save"}]"""), "UnknownActionType: Unknown action type \"Action.Invoke\"");
    }

    [Fact]
    public async Task A_bad_element_inside_a_ShowCard_is_a_problem()
    {
        var card = Card("[]", """[{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","body":[{"type":"Frob"}]}}]""");

        await AssertOneProblemAsync(card, "Unknown element type \"Frob\"");
    }

    [Fact]
    public async Task A_ShowCard_select_action_which_the_card_model_allows_is_a_problem()
    {
        var card = Card("""[{"type":"Container","items":[],"selectAction":{"type":"Action.ShowCard","card":{"type":"AdaptiveCard"}}}]""");

        await AssertOneProblemAsync(card, "ActionTypeNotAllowed: Action type \"Action.ShowCard\" is not allowed");
    }

    [Fact]
    public async Task An_invalid_column_width_is_a_problem()
    {
        await AssertOneProblemAsync(Card("""[{"type":"ColumnSet","columns":[{"type":"Column","width":"wide","items":[]}]}]"""), "Invalid column width \"wide\"");
    }

    [Fact]
    public async Task A_duplicate_input_id_is_a_problem()
    {
        await AssertOneProblemAsync(Card("""[{"type":"Input.Text","id":"due"},{"type":"Input.Date","id":"due"}]"""), "DuplicateId");
    }

    [Fact]
    public async Task A_card_newer_than_1_5_which_Teams_does_not_show_is_a_problem()
    {
        await AssertOneProblemAsync(Card("[]", version: "1.6"), "UnsupportedCardVersion");
    }

    [Fact]
    public async Task A_property_newer_than_1_5_is_a_problem()
    {
        // Image "forceLoad" came with 1.6: a 1.5 host ignores it.
        await AssertOneProblemAsync(Card("""[{"type":"Image","url":"https://example.com/a.png","forceLoad":true}]"""), "UnsupportedProperty at Image");
    }

    [Fact]
    public async Task Teams_shows_six_actions_so_a_seventh_is_a_problem_which_proves_its_host_config_is_used()
    {
        // The renderer's own default host config shows five; Teams' shows six.
        Assert.Empty(await ProblemsAsync(Card("[]", Buttons(6))));
        await AssertOneProblemAsync(Card("[]", Buttons(7)), "TooManyActions");
    }

    [Fact]
    public async Task Text_that_is_not_JSON_is_a_problem()
    {
        await AssertOneProblemAsync("""{"type":"AdaptiveCard",""", "not JSON");
    }

    [Fact]
    public async Task Cards_checked_at_the_same_time_each_get_their_own_answer()
    {
        var good = Card("""[{"type":"TextBlock","text":"ok"}]""");
        var bad = Card("""[{"type":"Nope"}]""");

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => ProblemsAsync(i % 2 == 0 ? good : bad)));

        Assert.All(answers.Where((_, i) => i % 2 == 0), Assert.Empty);
        Assert.All(answers.Where((_, i) => i % 2 == 1), a => Assert.Contains("\"Nope\"", Assert.Single(a), StringComparison.Ordinal));
    }
}
