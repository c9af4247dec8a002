using SalesCoachBot.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace SalesCoachBot.EndToEnd.Tests.Journeys;

/// <summary>A new hire learning the process in the Agents Playground: the process map with its picture, a stage, the tour.</summary>
[Collection(ChatCollectionDefinition.Name)]
public sealed class NewHireJourneyTests(ChatFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_new_hire_sees_the_process_map_asks_about_a_stage_and_walks_the_tour()
    {
        await using var chat = await ChatPage.OpenAsync(fixture.Browser, fixture.Playground, output, "new-hire-journey");
        await chat.WaitForCardAsync("I'm Sales Coach");

        await chat.SayAsync("how does our sales process work?");
        var map = await chat.WaitForCardAsync("How we sell: the Consultative process");
        Assert.Contains("Prospect", map, StringComparison.Ordinal);
        var images = await chat.ImagesAsync("How we sell: the Consultative process");
        var picture = Assert.Single(images);
        Assert.True(picture.NaturalWidth > 0, $"The process map picture did not load: {picture.Src}");

        await chat.SayAsync("what do I do at discovery?");
        var stage = await chat.WaitForCardAsync("Discovery (Consultative)");
        Assert.Contains("Objective:", stage, StringComparison.Ordinal);

        await chat.SayAsync("walk me through the process");
        await chat.WaitForCardAsync("Consultative process · stage 1 of", "Next: Qualify");
        var cards = await chat.CountCardsAsync();

        await chat.ClickAsync("Next: Qualify", "Consultative process · stage 1 of");
        var second = await chat.WaitForCardAsync("Consultative process · stage 2 of", "Back: Prospect");
        Assert.Contains("Qualify", second, StringComparison.Ordinal);

        await chat.ClickAsync("Next: Discovery", "Consultative process · stage 2 of");
        await chat.WaitForCardAsync("Consultative process · stage 3 of", "Back: Qualify");

        await chat.ClickAsync("Back: Qualify", "Consultative process · stage 3 of");
        await chat.WaitForCardAsync("Consultative process · stage 2 of", "Next: Discovery");
        Assert.Equal(cards, await chat.CountCardsAsync());
    }
}
