using SalesCoachBot.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace SalesCoachBot.EndToEnd.Tests.Journeys;

/// <summary>The bot in a team channel (addressed with an @mention), and bad input answered helpfully.</summary>
[Collection(ChatCollectionDefinition.Name)]
public sealed class ChannelAndBadInputTests(ChatFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task In_a_team_channel_an_at_mention_gets_cards()
    {
        var deal = Unique.Name("Northwind");
        await using var chat = await ChatPage.OpenAsync(fixture.Browser, fixture.Playground, output, "team-channel");
        await chat.OpenConversationAsync(Playground.ChannelName);

        await chat.PostAsync(Playground.BotName, $"new deal {deal} 30k");
        var created = await chat.WaitForCardAsync($"Created {deal} (Consultative), now in Prospect.");
        Assert.Contains("30,000", created, StringComparison.Ordinal);

        await chat.PostAsync(Playground.BotName, "what gets a deal out of qualification?");
        var criteria = await chat.WaitForCardAsync("Qualify (Consultative)", "Exit criteria");
        Assert.Contains("Objective:", criteria, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gibberish_and_an_unknown_deal_are_answered_helpfully()
    {
        var gibberish = $"flibbertigibbet {Unique.Name("wug")}";
        var unknown = Unique.Name("Globex");
        await using var chat = await ChatPage.OpenAsync(fixture.Browser, fixture.Playground, output, "bad-input");
        await chat.WaitForCardAsync("I'm Sales Coach");

        await chat.SayAsync(gibberish);
        var notUnderstood = await chat.WaitForCardAsync($"Sorry, I didn't understand \"{gibberish}\".");
        Assert.Contains("new deal", notUnderstood, StringComparison.OrdinalIgnoreCase);

        await chat.SayAsync($"move {unknown.ToLowerInvariant()} to proposal");
        var notFound = await chat.WaitForCardAsync($"I couldn't find a deal called");
        Assert.Contains(unknown.ToLowerInvariant(), notFound, StringComparison.OrdinalIgnoreCase);
    }
}
