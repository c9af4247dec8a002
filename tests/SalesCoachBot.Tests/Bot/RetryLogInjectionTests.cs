using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Bot;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Bot;

/// <summary>
/// Issue 15, finding 12, for the duplicate check: the activity id it logs (a retry ignored, a claim that could not be
/// written or given back) is escaped. The HTTP edge already refuses ids with control characters; this holds the
/// middleware to it on its own, whatever reaches it (the TestAdapter, a proactive path, a future edge).
/// </summary>
public sealed class RetryLogInjectionTests
{
    private const string ForgedId = "act-1\nFORGED warn: Sales Coach is running with a stolen key";

    [Fact]
    public async Task A_newline_in_the_id_of_an_ignored_retry_does_not_reach_the_log_raw()
    {
        var logs = await RunAsync(new ClaimedBefore());

        Assert.Contains(logs.Entries, e => e.Message.Contains("handled before", StringComparison.Ordinal) && e.Message.Contains("\\u000aFORGED", StringComparison.Ordinal));
        AssertNoForgedLine(logs);
    }

    [Fact]
    public async Task A_newline_in_the_id_of_a_claim_that_could_not_be_written_or_released_does_not_reach_the_log_raw()
    {
        var logs = await RunAsync(new CannotWrite(), turnFails: true);

        Assert.Contains(logs.Entries, e => e.Message.Contains("Could not record activity", StringComparison.Ordinal) && e.Message.Contains("\\u000aFORGED", StringComparison.Ordinal));
        AssertNoForgedLine(logs);
    }

    [Fact]
    public async Task A_newline_in_the_id_of_a_failed_turn_whose_claim_cannot_be_given_back_does_not_reach_the_log_raw()
    {
        var logs = await RunAsync(new CannotRelease(), turnFails: true);

        Assert.Contains(logs.Entries, e => e.Message.Contains("Could not release the claim", StringComparison.Ordinal) && e.Message.Contains("\\u000aFORGED", StringComparison.Ordinal));
        AssertNoForgedLine(logs);
    }

    private static void AssertNoForgedLine(LogRecorder logs) =>
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("\nFORGED", StringComparison.Ordinal) || e.Message.Contains("\rFORGED", StringComparison.Ordinal));

    private static async Task<LogRecorder> RunAsync(IProcessedActivityStore store, bool turnFails = false)
    {
        var logs = new LogRecorder();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var middleware = new DuplicateActivityMiddleware(store, TimeProvider.System, factory.CreateLogger<DuplicateActivityMiddleware>());
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

        try
        {
            await middleware.OnTurnAsync(turn, _ => turnFails ? throw new InvalidOperationException("the turn failed") : Task.CompletedTask, CancellationToken.None);
        }
        catch (InvalidOperationException) when (turnFails)
        {
            // The turn's own failure goes on to the adapter; only the middleware's log lines are under test.
        }

        return logs;
    }

    private abstract class FakeClaims : IProcessedActivityStore
    {
        public Task<bool> IsProcessedAsync(string tenantId, string activityId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task MarkProcessedAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public abstract Task<bool> TryClaimAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken);

        public virtual Task ReleaseAsync(string tenantId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Another copy of the activity holds the claim: this one is a retry.</summary>
    private sealed class ClaimedBefore : FakeClaims
    {
        public override Task<bool> TryClaimAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    /// <summary>The store refuses the claim (it cannot be written).</summary>
    private sealed class CannotWrite : FakeClaims
    {
        public override Task<bool> TryClaimAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new IOException("disk full");
    }

    /// <summary>The claim is taken, but cannot be given back after the turn fails.</summary>
    private sealed class CannotRelease : FakeClaims
    {
        public override Task<bool> TryClaimAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(true);

        public override Task ReleaseAsync(string tenantId, string activityId, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}
