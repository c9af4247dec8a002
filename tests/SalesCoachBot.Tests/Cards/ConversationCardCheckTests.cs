using System.Text;
using SalesCoachBot.Tests.Support;
using Xunit.Sdk;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// The conversation tests check every card the bot sends through the stand-in connector: a bad one is recorded there
/// (not thrown into the bot's own error handling) and fails the test that made the bot send it.
/// </summary>
public sealed class ConversationCardCheckTests
{
    private const string GoodCard = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Contoso","wrap":true}]}""";
    private const string BadCard = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"Contoso"}]}""";

    private static async Task SendAsync(RecordingConnector connector, string cardJson)
    {
        var activity = $$"""{"type":"message","summary":"Contoso","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{{cardJson}}}]}""";
        using var invoker = new HttpMessageInvoker(connector, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://smba.example.test/teams/v3/conversations/a:1/activities/act-1"))
        {
            Content = new StringContent(activity, Encoding.UTF8, "application/json"),
        };
        using var response = await invoker.SendAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task A_card_the_renderer_rejects_is_recorded_and_still_delivered_as_Teams_would()
    {
        using var connector = new RecordingConnector();

        await SendAsync(connector, BadCard);

        var problem = Assert.Single(connector.CardProblems);
        Assert.Contains("renderer: Parse UnknownElementType: Unknown element type \"TextBlok\"", problem, StringComparison.Ordinal);
        Assert.Single(connector.Sent);
    }

    [Fact]
    public async Task A_card_Teams_shows_is_not_recorded()
    {
        using var connector = new RecordingConnector();

        await SendAsync(connector, GoodCard);

        Assert.Empty(connector.CardProblems);
    }

    [Fact]
    public async Task The_bot_app_fails_the_test_when_the_bot_sent_a_bad_card()
    {
        await using var app = new BotApp();
        await SendAsync(app.Connector, BadCard);

        var failure = Assert.ThrowsAny<XunitException>(app.AssertSentCardsShowInTeams);

        Assert.Contains("TextBlok", failure.Message, StringComparison.Ordinal);
        app.Connector.CardProblems.Clear();
    }
}
