using SalesCoachBot.Bot;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// Connector clients outlive the turn (<see cref="ReusedConnectorClients"/>): each reply still goes to the service URL of
/// its own conversation, and replies keep going out after the SDK has disposed earlier turns' clients and after a client
/// is renewed.
/// </summary>
public sealed class ConnectorReuseTests : IAsyncLifetime
{
    /// <summary>A second Teams region: another loopback service URL (an anonymous bot trusts no other).</summary>
    private const string OtherServiceUrl = "http://127.0.0.1:56151/emea/";

    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_reply_goes_to_the_service_url_of_its_own_conversation()
    {
        for (var round = 0; round < 3; round++)
        {
            await SayAtAsync(TestUser.Dana, BotApp.LoopbackServiceUrl, "my deals");
            await SayAtAsync(TestUser.Sam, OtherServiceUrl, "my deals");
        }

        var sent = _app.Connector.Sent.Zip(_app.Connector.SentTo).ToList();
        Assert.Equal(6, sent.Count);
        Assert.All(sent, s => Assert.StartsWith(
            s.First.Conversation.Id == TestUser.Dana.ConversationId ? BotApp.LoopbackServiceUrl : OtherServiceUrl,
            s.Second.ToString(),
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_keep_going_out_across_turns_and_after_the_connector_client_is_renewed()
    {
        await _app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        Assert.Single(await _app.SayAsync(TestUser.Dana, "my deals"));

        _app.Time.Advance(ReusedConnectorClients.Renewal + TimeSpan.FromSeconds(1));
        var afterRenewal = await _app.SayAsync(TestUser.Dana, "show contoso");
        var next = await _app.SayAsync(TestUser.Dana, "my deals");

        Assert.Contains("Contoso Ltd", CardReader.Text(CardReader.SingleCard(afterRenewal)), StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", CardReader.Text(CardReader.SingleCard(next)), StringComparison.Ordinal);
    }

    private async Task SayAtAsync(TestUser user, string serviceUrl, string text)
    {
        var activity = _app.Message(user, text);
        activity.ServiceUrl = serviceUrl;
        var (status, _) = await _app.PostAsync(activity);
        Assert.Equal(200, status);
    }
}
