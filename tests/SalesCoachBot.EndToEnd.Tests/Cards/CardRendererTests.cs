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
    // Runs in the page: per card, every event the renderer's SerializationContext collected while parsing, every
    // problem its property validation finds, and whether render() made an element.
    private const string ParseEveryCard = """
        cards => {
          const AC = window.AdaptiveCards;
          return cards.map(({ name, json }) => {
            const events = [];
            const context = new AC.SerializationContext();
            const adaptiveCard = new AC.AdaptiveCard();
            try {
              adaptiveCard.parse(JSON.parse(json), context);
            } catch (e) {
              events.push(`parse threw: ${e && e.message}`);
            }
            for (let i = 0; i < context.eventCount; i++) {
              const event = context.getEventAt(i);
              events.push(`${AC.ValidationPhase[event.phase]} ${AC.ValidationEvent[event.event]}: ${event.message}`);
            }
            for (const event of adaptiveCard.validateProperties().validationEvents) {
              events.push(`validation ${AC.ValidationEvent[event.event]}: ${event.message}`);
            }
            let rendered = false;
            try {
              rendered = adaptiveCard.render() instanceof HTMLElement;
            } catch (e) {
              events.push(`render threw: ${e && e.message}`);
            }
            return { name, events, rendered };
          });
        }
        """;

    [Fact]
    public async Task Every_card_parses_in_the_adaptivecards_renderer_without_warnings()
    {
        var cards = CardCatalog.All().Select(row => new { name = (string)row[0], json = CardJson.Serialize((AdaptiveCard)row[1]) }).ToList();
        var script = TestTools.PackageFile("adaptivecards", Path.Combine("dist", "adaptivecards.min.js"));

        var context = await fixture.Browser.NewLoopbackContextAsync();
        RendererResult[] results;
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync("<!doctype html><html><body><div id=\"host\"></div></body></html>");
            await page.AddScriptTagAsync(new() { Path = script });
            results = await page.EvaluateAsync<RendererResult[]>(ParseEveryCard, cards);
        }
        finally
        {
            await context.CloseAsync();
        }

        Assert.Equal(cards.Count, results.Length);
        var problems = results
            .Where(r => r.Events.Length > 0 || !r.Rendered)
            .Select(r => $"{r.Name}: rendered={r.Rendered}; " + string.Join("; ", r.Events))
            .ToList();
        Assert.True(problems.Count == 0, "The renderer complained:\n" + string.Join("\n", problems));
    }

    // A class with setters, not a positional record: Playwright fills evaluate results through a parameterless constructor.
    private sealed class RendererResult
    {
        public string Name { get; set; } = string.Empty;

        public string[] Events { get; set; } = [];

        public bool Rendered { get; set; }
    }
}
