using System.Text.Json.Nodes;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.EndToEnd.Tests.Support;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Cards;

namespace SalesCoachBot.EndToEnd.Tests.Cards;

/// <summary>
/// Every card of the catalog parses and renders in the npm adaptivecards renderer (3.0.6, loaded into a blank Chromium
/// page) with no warning or error from its SerializationContext or its property validation.
/// </summary>
[Collection(ChatCollectionDefinition.Name)]
public sealed class CardRendererTests(ChatFixture fixture)
{
    [Fact]
    public async Task Every_card_parses_in_the_adaptivecards_renderer_without_warnings()
    {
        var cards = CardCatalog.All().Select(row => new { name = (string)row[0], json = CardJson.Serialize((AdaptiveCard)row[1]) }).ToList();
        var script = TestTools.PackageFile("adaptivecards", Path.Combine("dist", "adaptivecards.min.js"));

        var results = (JsonArray)(await fixture.Driver.CallAsync("parseCards", new { cards, script }))!;

        Assert.Equal(cards.Count, results.Count);
        var problems = results
            .Where(r => r!["events"]!.AsArray().Count > 0 || r["rendered"]!.GetValue<bool>() is false)
            .Select(r => $"{r!["name"]}: rendered={r["rendered"]}; " + string.Join("; ", r["events"]!.AsArray().Select(e => e!.GetValue<string>())))
            .ToList();
        Assert.True(problems.Count == 0, "The renderer complained:\n" + string.Join("\n", problems));
    }
}
