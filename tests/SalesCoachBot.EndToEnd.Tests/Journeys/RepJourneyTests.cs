using System.Globalization;
using SalesCoachBot.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace SalesCoachBot.EndToEnd.Tests.Journeys;

/// <summary>A rep in the Agents Playground: welcome, a new deal, a move, the coaching card filled in and saved in place.</summary>
[Collection(ChatCollectionDefinition.Name)]
public sealed class RepJourneyTests(ChatFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_rep_creates_a_deal_moves_it_and_saves_the_next_step_in_the_coaching_card()
    {
        var deal = Unique.Name("Fabrikam");
        var step = $"book the discovery call with {deal}";
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        await using var chat = await ChatPage.OpenAsync(fixture.Browser, fixture.Playground, output, "rep-journey");

        await chat.WaitForCardAsync($"Hi {ChatFixture.Rep.Name}, I'm Sales Coach", "new deal Contoso Ltd 45k");

        await chat.SayAsync($"new deal {deal} 90k");
        await chat.WaitForCardAsync($"Created {deal} (Consultative), now in Prospect.", "90,000");

        await chat.SayAsync($"move {deal.ToLowerInvariant()} to qualify, confirmed");
        var coaching = await chat.WaitForCardAsync($"Moved {deal} to Qualify.");
        Assert.Contains("Objective:", coaching, StringComparison.Ordinal);
        Assert.Contains("Exit criteria", coaching, StringComparison.Ordinal);
        Assert.Contains("What will you do next?", coaching, StringComparison.Ordinal);

        var cardsBefore = await chat.CountCardsAsync();
        await chat.FillAsync("What will you do next?", step, $"Moved {deal} to Qualify.");
        var picked = await chat.PickDateAsync("By when?", due, $"Moved {deal} to Qualify.");
        Assert.False(string.IsNullOrWhiteSpace(picked), "The date picker shows no date.");
        await chat.ClickAsync("Save", $"Moved {deal} to Qualify.");

        var saved = await chat.WaitForCardAsync($"Saved. Next step: {step}, due {due.ToString("ddd d MMM", CultureInfo.InvariantCulture)}.");
        Assert.Contains($"{deal}: Qualify", saved, StringComparison.Ordinal);
        Assert.Equal(cardsBefore, await chat.CountCardsAsync());
        Assert.Equal(0, await chat.CountCardsAsync($"Moved {deal} to Qualify."));

        await chat.SayAsync("my deals");
        var pipeline = await chat.WaitForCardAsync("Your pipeline", deal);
        Assert.Contains(step, pipeline, StringComparison.Ordinal);
        Assert.Contains("Qualify", pipeline, StringComparison.Ordinal);
    }
}
