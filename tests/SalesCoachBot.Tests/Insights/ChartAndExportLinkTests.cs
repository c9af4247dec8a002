using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Support;
using SkiaSharp;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Insights;

/// <summary>
/// Issue 13: a chart and an export travel behind signed, expiring links, through the real host: the link on the card
/// works without the bot's authentication (as Teams and a browser fetch it), then expires; an edited link is a 404.
/// </summary>
public sealed class ChartAndExportLinkTests
{
    private static Uri ImageUrl(JObject card) =>
        new(card.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Image")["url"]!.ToString());

    private static Uri OpenUrl(JObject card) =>
        new(card.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Action.OpenUrl")["url"]!.ToString());

    private static async Task<HttpResponseMessage> GetAsync(BotApp app, Uri link) => await app.CreateClient().GetAsync(link.PathAndQuery);

    private static Uri Tampered(Uri link)
    {
        var path = link.AbsolutePath;
        var at = path.LastIndexOf('.') - 5;
        return new Uri(link, path[..at] + (path[at] == 'A' ? 'B' : 'A') + path[(at + 1)..]);
    }

    [Fact]
    public async Task Pipeline_chart_shows_the_funnel_picture_behind_a_signed_link_with_every_number_in_the_text()
    {
        await using var app = new BotApp();
        await app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        await app.SayAsync(TestUser.Dana, "new deal Fabrikam 30k");
        await app.SayAsync(TestUser.Dana, "new deal Tailspin 12k");
        await app.SayAsync(TestUser.Dana, "move tailspin to qualify");

        var card = SingleCard(await app.SayAsync(TestUser.Dana, "pipeline chart"));

        Assert.Contains("Prospect: 2 deals · $75,000", Text(card), StringComparison.Ordinal);
        Assert.Contains("Qualify: 1 deal · $12,000", Text(card), StringComparison.Ordinal);
        var alt = card.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Image")["altText"]!.ToString();
        Assert.Contains("Prospect 2 deals · $75,000; Qualify 1 deal · $12,000", alt, StringComparison.Ordinal);
        var link = ImageUrl(card);
        Assert.StartsWith("/charts/", link.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("aad-dana", link.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToString(Newtonsoft.Json.Formatting.None)) < 28_000);

        var picture = await GetAsync(app, link);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        using (var bitmap = SKBitmap.Decode(await picture.Content.ReadAsByteArrayAsync()))
        {
            Assert.NotNull(bitmap);
        }

        var tampered = await GetAsync(app, Tampered(link));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Empty(await tampered.Content.ReadAsByteArrayAsync());

        app.Time.Advance(TimeSpan.FromDays(1));
        var expired = await GetAsync(app, link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_rep_without_open_deals_is_told_there_is_nothing_to_draw()
    {
        await using var app = new BotApp();

        var reply = Assert.Single(await app.SayAsync(TestUser.Dana, "show my pipeline as a chart"));

        Assert.Contains("no open deals", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_my_deals_downloads_the_reps_own_deals_for_fifteen_minutes_recomputed_when_opened()
    {
        await using var app = new BotApp();
        await app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        await app.SayAsync(TestUser.Sam, "new deal Northwind 80k");

        var card = SingleCard(await app.SayAsync(TestUser.Dana, "export my deals"));
        Assert.Contains("1 deal", Text(card), StringComparison.Ordinal);
        // The link opens for whoever has it (a browser shows no Teams sign-in): the card says so rather than "only you".
        Assert.Contains("opens without a Teams sign-in, for 15 minutes: don't forward it", Text(card), StringComparison.Ordinal);
        var link = OpenUrl(card);
        Assert.StartsWith("/export/", link.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("aad-dana", link.ToString(), StringComparison.OrdinalIgnoreCase);

        // A deal added after the link was made is in the file: it is made when the link is opened.
        await app.SayAsync(TestUser.Dana, "new deal =HYPERLINK(\"http://x\") 5k");
        app.Time.Advance(TimeSpan.FromMinutes(14));
        var download = await GetAsync(app, link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        var csv = Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Contoso Ltd", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Northwind", csv, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync(app, link)).StatusCode);
    }

    [Fact]
    public async Task Each_users_link_exports_only_their_own_deals_and_an_edited_link_exports_nothing()
    {
        await using var app = new BotApp();
        await app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        await app.SayAsync(TestUser.Sam, "new deal Northwind 80k");
        var danas = OpenUrl(SingleCard(await app.SayAsync(TestUser.Dana, "export my deals")));
        var sams = OpenUrl(SingleCard(await app.SayAsync(TestUser.Sam, "download my deals as csv")));

        var samsFile = await (await GetAsync(app, sams)).Content.ReadAsStringAsync();
        Assert.Contains("Northwind", samsFile, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso", samsFile, StringComparison.Ordinal);
        Assert.NotEqual(danas, sams);

        var tampered = await GetAsync(app, Tampered(danas));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Empty(await tampered.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/export/aad-dana.csv")).StatusCode);
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task No_download_link_is_posted_where_others_would_see_it(string conversationType)
    {
        await using var app = new BotApp();
        await app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        var activity = app.Message(TestUser.Dana, "export my deals");
        activity.Conversation.ConversationType = conversationType;

        await app.PostAsync(activity);

        var reply = Assert.Single(app.Connector.RepliesTo(activity.Id));
        Assert.Contains("only in our 1:1 chat", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments ?? []);
    }

    [Fact]
    public async Task Export_team_pipeline_is_refused_to_someone_who_manages_nobody()
    {
        await using var app = new BotApp();
        await app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");

        var reply = Assert.Single(await app.SayAsync(TestUser.Dana, "export team pipeline"));

        Assert.Contains("Nobody has you as their manager", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments ?? []);
    }
}
