using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Bot;
using SalesCoachBot.Conversation;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// Issue 15, finding 12, for the duplicate check: the activity id it logs when it ignores a retry is escaped. The HTTP
/// edge already refuses ids with control characters; this holds the middleware to it on its own, whatever reaches it
/// (the TestAdapter, a proactive path, a future edge).
/// </summary>
public sealed class RetryLogInjectionTests
{
    private const string ForgedId = "act-1\nFORGED warn: Sales Coach is running with a stolen key";

    [Fact]
    public async Task A_newline_in_the_id_of_an_ignored_retry_does_not_reach_the_log_raw()
    {
        var recent = new RecentActivities(TimeProvider.System);
        _ = await RunAsync(recent);
        var logs = await RunAsync(recent);

        Assert.Contains(logs.Entries, e => e.Message.Contains("taken up before", StringComparison.Ordinal) && e.Message.Contains("\\u000aFORGED", StringComparison.Ordinal));
        AssertNoForgedLine(logs);
    }

    private static void AssertNoForgedLine(LogRecorder logs) =>
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("\nFORGED", StringComparison.Ordinal) || e.Message.Contains("\rFORGED", StringComparison.Ordinal));

    private static async Task<LogRecorder> RunAsync(RecentActivities recent)
    {
        var logs = new LogRecorder();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var middleware = new DuplicateActivityMiddleware(recent, factory.CreateLogger<DuplicateActivityMiddleware>());
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = ForgedId,
            Text = "my deals",
            ChannelId = "msteams",
            From = new ChannelAccount(TestUser.Dana.Id, TestUser.Dana.Name),
            Recipient = new ChannelAccount("28:sales-coach"),
            Conversation = new ConversationAccount(id: TestUser.Dana.ConversationId) { TenantId = TestUser.Dana.TenantId },
        };
        using var turn = new TurnContext(new TestAdapter(), activity);

        await middleware.OnTurnAsync(turn, _ => Task.CompletedTask, CancellationToken.None);

        return logs;
    }
}
