using System.Net;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Hosting.Demo;
using SalesCoachBot.Tests.Support;
using SkiaSharp;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Insights;

/// <summary>
/// Issue 13's pictures on the insight cards, over the demo team (a manager with six reps and a year of deals): each
/// card carries a signed chart link that answers a PNG without the bot's authentication, and still writes its numbers.
/// </summary>
public sealed class InsightChartTests
{
    private static readonly TestUser _alex = new(DemoTeam.PlaygroundUserId, "Alex Wilber", DemoTeam.PlaygroundTenantId);

    private static readonly Dictionary<string, string?> _demoOn = new() { ["SalesCoach:Demo:Enabled"] = "true" };

    [Theory]
    [InlineData("my forecast", "Your forecast", "Commit")]
    [InlineData("team forecast", "Team forecast", "Commit")]
    [InlineData("how am I doing", "How you are doing", "Win rate")]
    [InlineData("how is Megan doing?", "How Megan Bowen is doing", "Win rate")]
    [InlineData("team stats", "Team scorecard", "Win rate")]
    [InlineData("team pipeline", "Team pipeline", "Weighted")]
    [InlineData("process report", "Where deals stall", "median")]
    public async Task An_insight_card_shows_its_chart_behind_a_signed_link_and_keeps_its_numbers_in_text(string ask, string heading, string figure)
    {
        await using var app = new BotApp(settings: _demoOn);

        var card = SingleCard(await app.SayAsync(_alex, ask));

        AssertValid(card);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.ToString(Newtonsoft.Json.Formatting.None)) < 28_000);
        Assert.Contains(heading, Text(card), StringComparison.Ordinal);
        Assert.Contains(figure, Text(card), StringComparison.Ordinal);
        var image = card.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Image");
        Assert.False(string.IsNullOrWhiteSpace(image["altText"]?.ToString()));
        var link = new Uri(image["url"]!.ToString());
        Assert.StartsWith("/charts/", link.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoTeam.PlaygroundUserId, link.ToString(), StringComparison.OrdinalIgnoreCase);

        var picture = await app.CreateClient().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await picture.Content.ReadAsByteArrayAsync());
        Assert.NotNull(bitmap);
        Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
    }

    [Fact]
    public async Task The_weekly_trend_says_its_last_week_is_the_current_one_so_far()
    {
        await using var app = new BotApp(settings: _demoOn);

        var card = SingleCard(await app.SayAsync(_alex, "how am I doing"));

        var image = card.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Image");
        Assert.Contains("last 8 weeks (this one so far)", image["altText"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forecast_with_nothing_to_draw_has_no_picture()
    {
        await using var app = new BotApp();

        var card = SingleCard(await app.SayAsync(TestUser.Dana, "my forecast"));

        Assert.DoesNotContain(card.Descendants().OfType<JObject>(), o => o["type"]?.ToString() == "Image");
    }
}
