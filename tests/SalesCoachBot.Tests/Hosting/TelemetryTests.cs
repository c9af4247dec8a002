using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Tests.Support;
using SalesCoachBot.Bot;
using SalesCoachBot.Reminders;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Issue 6: what an operator sees in the metrics, and what they never see (the users' words and ids).</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new(settings: new Dictionary<string, string?> { ["SalesCoach:Reminders:ConnectorRetryBackoff"] = "00:00:00" });
    private MetricRecorder _metrics = null!;

    public Task InitializeAsync()
    {
        _metrics = new MetricRecorder(_app.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<(ReminderNotifier Notifier, UserProfile Rep, DueReminder Reminder)> DueReminderAsync()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var rep = (await _app.Services.GetRequiredService<IUserProfileStore>().GetAsync(new OwnerKey(Dana.TenantId, Dana.Id), CancellationToken.None))!;
        var deal = Assert.Single(await _app.Services.GetRequiredService<IDealStore>().ListAsync(rep.Key, false, CancellationToken.None));
        return (_app.Services.GetRequiredService<ReminderNotifier>(), rep, new DueReminder(deal, Rung.FirstReminder, new FollowUpDue("Prospect")));
    }

    [Fact]
    public async Task A_turn_is_counted_and_timed_by_command_kind_without_the_users_words_or_ids()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var turn = Assert.Single(_metrics.Of(SalesCoachTelemetry.TurnsInstrument));
        var duration = Assert.Single(_metrics.Of(SalesCoachTelemetry.TurnDurationInstrument));
        Assert.Equal(1, turn.Value);
        Assert.Equal("message", turn.Tags[SalesCoachTelemetry.ActivityTypeTag]);
        Assert.Equal("CreateDeal", turn.Tags[SalesCoachTelemetry.CommandTag]);
        Assert.Equal("ok", turn.Tags[SalesCoachTelemetry.OutcomeTag]);
        Assert.Equal("s", duration.Unit);
        Assert.Equal(turn.Tags, duration.Tags);
        var tagValues = string.Join(" ", _metrics.Measurements.SelectMany(m => m.Tags.Values));
        foreach (var personal in new[] { "Contoso", "45k", Dana.Id, Dana.Name, Dana.TenantId, Dana.ConversationId })
        {
            Assert.DoesNotContain(personal, tagValues, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_card_click_is_counted_by_its_verb()
    {
        var card = CardReader.SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var coach = CardReader.Actions(card).First(a => a.Verb == "moveDeal");

        await _app.ClickAsync(Dana, coach.Verb, coach.Data);

        Assert.Contains(_metrics.Of(SalesCoachTelemetry.TurnsInstrument), m => m.Tags[SalesCoachTelemetry.CommandTag] == "card:moveDeal" && m.Tags[SalesCoachTelemetry.ActivityTypeTag] == "invoke");
    }

    [Fact]
    public async Task A_reminder_teams_accepts_is_counted_as_sent()
    {
        var (notifier, rep, reminder) = await DueReminderAsync();

        Assert.Equal(NotifyResult.Sent, await notifier.RemindRepAsync(rep, [reminder], CancellationToken.None));

        var sent = Assert.Single(_metrics.Of(SalesCoachTelemetry.RemindersSentInstrument));
        Assert.Equal("rep_reminder", sent.Tags[SalesCoachTelemetry.NotificationTag]);
        Assert.Empty(_metrics.Of(SalesCoachTelemetry.RemindersFailedInstrument));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "failed")]
    [InlineData(HttpStatusCode.Forbidden, "gone")]
    public async Task A_reminder_that_cannot_be_delivered_is_counted_as_failed_with_the_reason(HttpStatusCode status, string reason)
    {
        var (notifier, rep, reminder) = await DueReminderAsync();
        for (var i = 0; i < ProactiveSender.MaxAttempts; i++)
        {
            _app.Connector.Failures.Enqueue((status, null));
        }

        Assert.NotEqual(NotifyResult.Sent, await notifier.RemindRepAsync(rep, [reminder], CancellationToken.None));

        var failed = Assert.Single(_metrics.Of(SalesCoachTelemetry.RemindersFailedInstrument));
        Assert.Equal("rep_reminder", failed.Tags[SalesCoachTelemetry.NotificationTag]);
        Assert.Equal(reason, failed.Tags[SalesCoachTelemetry.FailureTag]);
        Assert.Empty(_metrics.Of(SalesCoachTelemetry.RemindersSentInstrument));
    }

    [Fact]
    public async Task A_refused_turn_is_counted_as_refused()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Bot:AllowedTenants:0"] = "tenant-fabrikam" });
        using var metrics = new MetricRecorder(app.Services);

        await app.PostAsync(app.Message(Dana, "my deals"));

        var turn = Assert.Single(metrics.Of(SalesCoachTelemetry.TurnsInstrument));
        Assert.Equal("refused", turn.Tags[SalesCoachTelemetry.OutcomeTag]);
        Assert.Equal("none", turn.Tags[SalesCoachTelemetry.CommandTag]);
    }
}
