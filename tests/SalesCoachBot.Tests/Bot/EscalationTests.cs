using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>The whole ladder through the host: two reminders to the rep, then a nudge to the manager, who can ping the rep.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private const string ManagerObjectId = "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly string _mappingFile = Path.Combine(Path.GetTempPath(), $"managers-{Guid.NewGuid():N}.json");
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_mappingFile, $$"""{ "managers": [ { "rep": "{{Dana.Id}}", "manager": "{{ManagerObjectId}}" } ] }""");
        // The background sweep stays off (BotApp's default): the tests run the app's sweeper themselves and know when a
        // sweep is over (ReminderTests covers the background service's timing).
        _app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["SalesCoach:Reminders:ConnectorRetryBackoff"] = "00:00:00",
            ["SalesCoach:Managers:File"] = _mappingFile,
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_mappingFile);
    }

    private List<Microsoft.Bot.Schema.Activity> CardsContaining(string text) =>
        _app.Connector.Sent.Where(a => a.Attachments?.Any(at => Text(JObject.FromObject(at.Content)).Contains(text, StringComparison.Ordinal)) == true).ToList();

    /// <summary>One sweep by the app's own sweeper, over when it returns.</summary>
    private Task<SweepResult> SweepAsync() => _app.Services.GetRequiredService<ReminderSweeper>().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task After_two_unanswered_reminders_the_manager_from_the_mapping_file_is_nudged_in_a_chat_the_bot_opens()
    {
        // The sweep counts only the ladder here: Dana's Monday weekly summaries would add to it (they have tests of their own).
        await _app.SayAsync(Dana, "no weekly summary");
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        _app.Time.Advance(TimeSpan.FromDays(14));
        var firstReminder = await SweepAsync();
        var afterFirstReminder = CardsContaining("Reminder: Contoso Ltd needs attention").Count;
        _app.Time.Advance(TimeSpan.FromDays(2));
        var secondReminder = await SweepAsync();
        var afterSecondReminder = CardsContaining("Second reminder: Contoso Ltd").Count;
        _app.Time.Advance(TimeSpan.FromDays(3));
        var nudge = await SweepAsync();

        Assert.Equal(1, firstReminder.Sent);
        Assert.Equal(1, afterFirstReminder);
        Assert.Equal(1, secondReminder.Sent);
        Assert.Equal(1, afterSecondReminder);
        Assert.Equal(1, nudge.Sent);
        Assert.Single(CardsContaining("A deal of Dana Rep is stalled"));

        var opened = Assert.Single(_app.Connector.CreatedConversations);
        Assert.Contains(ManagerObjectId, opened, StringComparison.Ordinal);
        var nudgeCard = SingleCard(CardsContaining("A deal of Dana Rep is stalled"));
        Assert.Contains("Rep: Dana Rep", Text(nudgeCard), StringComparison.Ordinal);
        Assert.Contains("Last next step: none", Text(nudgeCard), StringComparison.Ordinal);
        Assert.Single(Actions(nudgeCard), a => a.Verb == "pingRep");
        Assert.Single(CardsContaining("Reminder: Contoso Ltd needs attention"));
        Assert.Single(CardsContaining("Second reminder: Contoso Ltd"));
    }

    [Fact]
    public async Task A_manager_from_the_mapping_file_can_ping_and_sees_the_team()
    {
        var morgan = new TestUser(ManagerObjectId, "Morgan Manager");
        await _app.SayAsync(morgan, "hi");
        var created = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var dealId = Actions(created).First(a => a.Data["dealId"] is not null).Data["dealId"]!.ToString();
        _app.Time.Advance(TimeSpan.FromDays(15));

        await _app.ClickAsync(morgan, "pingRep", new JObject { ["verb"] = "pingRep", ["dealId"] = dealId, ["repUserId"] = Dana.Id });
        var stalled = Text(SingleCard(await _app.SayAsync(morgan, "stalled deals")));

        Assert.Single(CardsContaining("Morgan Manager asked about Contoso Ltd"));
        Assert.Contains("Your team's stalled deals", stalled, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", stalled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_met_first_in_a_channel_gets_reminders_once_they_open_a_chat()
    {
        var channelMessage = _app.Message(Dana, "<at>Sales Coach</at> new deal Contoso Ltd 45k");
        channelMessage.Conversation.ConversationType = "channel";
        channelMessage.Conversation.Id = "19:channel@thread.tacv2";
        channelMessage.Entities = [new Microsoft.Bot.Schema.Mention(new Microsoft.Bot.Schema.ChannelAccount("28:sales-coach", "Sales Coach"), "<at>Sales Coach</at>")];
        await _app.PostAsync(channelMessage);
        _app.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromHours(1));
        var beforeAChat = await SweepAsync();
        Assert.Equal(1, beforeAChat.Due);
        Assert.Equal(0, beforeAChat.Sent);
        Assert.Empty(CardsContaining("Reminder: Contoso Ltd"));

        await _app.SayAsync(Dana, "hi");
        // A reminder that found no chat is looked at again after the retry delay.
        _app.Time.Advance(_app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.RetryDelay);
        var onceInAChat = await SweepAsync();

        Assert.Equal(1, onceInAChat.Sent);
        Assert.Single(CardsContaining("Reminder: Contoso Ltd needs attention"));

        Assert.All(CardsContaining("Reminder: Contoso Ltd"), a => Assert.Equal(Dana.ConversationId, a.Conversation.Id));
    }

    [Fact]
    public async Task Only_the_reps_own_manager_can_ping_them()
    {
        var morgan = new TestUser(ManagerObjectId, "Morgan Manager");
        await _app.SayAsync(morgan, "hi");
        await _app.SayAsync(Dana, "my manager is Morgan Manager");
        var created = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var dealId = Actions(created).First(a => a.Data["dealId"] is not null).Data["dealId"]!.ToString();
        var ping = new JObject { ["verb"] = "pingRep", ["dealId"] = dealId, ["repUserId"] = Dana.Id };

        await _app.ClickAsync(morgan, "pingRep", ping);
        var (_, stranger) = await _app.ClickAsync(TestUser.Sam, "pingRep", ping);

        Assert.Single(CardsContaining("Morgan Manager asked about Contoso Ltd: what is the next step?"));
        Assert.Equal("See my reply below.", stranger!["value"]!.ToString());
        Assert.Contains(_app.Connector.Sent, a => a.Text == "You can only ping the reps you manage.");
    }
}
