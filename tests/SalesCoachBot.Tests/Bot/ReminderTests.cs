using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Tests.Support;
using SalesCoachBot.Bot;
using SalesCoachBot.Reminders;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>Issue: follow-up reminders, snooze, working hours and manager nudges, through the real host and a stand-in connector.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private static readonly TestUser Morgan = new("aad-morgan", "Morgan Manager");
    // The background sweep stays off (BotApp's default): each test runs the app's sweeper itself and knows when a sweep
    // is over. The background service's timing has a test of its own.
    private static readonly Dictionary<string, string?> _settings = new() { ["SalesCoach:Reminders:ConnectorRetryBackoff"] = "00:00:00" };
    private readonly BotApp _app = new(settings: _settings);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> SayTextAsync(TestUser user, string text)
    {
        var reply = Assert.Single(await _app.SayAsync(user, text));
        return reply.Text ?? Text(SingleCard([reply]));
    }

    /// <summary>Proactive messages: sent by the bot without a message from the user to answer.</summary>
    private List<Microsoft.Bot.Schema.Activity> Proactive() =>
        _app.Connector.Sent.Where(a => a.Attachments?.Any(at => Text(Newtonsoft.Json.Linq.JObject.FromObject(at.Content)).Contains("needs attention", StringComparison.Ordinal)) == true).ToList();

    /// <summary>One sweep by the app's own sweeper, over when it returns.</summary>
    private Task<SweepResult> SweepAsync() => _app.Services.GetRequiredService<ReminderSweeper>().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task A_reminder_arrives_in_the_chat_when_the_stage_allowed_time_passes()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        _app.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(5));
        var sweep = await SweepAsync();

        // The reminder, and Dana's weekly summary: its Monday morning passed in those two weeks.
        Assert.Equal(2, sweep.Sent);
        Assert.Single(_app.Connector.Sent, a => a.Attachments?.Any(at => Text(Newtonsoft.Json.Linq.JObject.FromObject(at.Content)).Contains("Your week (", StringComparison.Ordinal)) == true);
        var card = SingleCard(Proactive());
        Assert.Contains("Reminder: Contoso Ltd needs attention: it has been in Prospect 2 weeks plus", Text(card), StringComparison.Ordinal);
        Assert.Contains(Actions(card), a => a.Verb == "saveNextStep");
        Assert.Contains(card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>(), o => o["verb"]?.ToString() == "snooze");
    }

    [Fact]
    public async Task The_background_service_sweeps_at_start_and_again_each_time_the_interval_passes_on_the_clock()
    {
        var start = _app.Time.GetUtcNow();
        var sweepsAt = Channel.CreateUnbounded<DateTimeOffset>();
        var schedule = new Mock<IReminderSchedule>();
        schedule.Setup(s => s.ListDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((DateTimeOffset now, int _, CancellationToken _) => sweepsAt.Writer.TryWrite(now))
            .ReturnsAsync(Array.Empty<Deal>());
        var sweeper = ActivatorUtilities.CreateInstance<ReminderSweeper>(_app.Services, schedule.Object);
        var options = Options.Create(new ReminderOptions { Enabled = true, SweepInterval = TimeSpan.FromMinutes(10) });
        using var service = new ReminderBackgroundService(sweeper, _app.Time, options, NullLogger<ReminderBackgroundService>.Instance);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await service.StartAsync(CancellationToken.None);
        var first = await sweepsAt.Reader.ReadAsync(bound.Token);
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await sweepsAt.Reader.ReadAsync(bound.Token);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(start, first);
        Assert.Equal(start + TimeSpan.FromMinutes(10), second);
    }

    private static async Task<(ReminderNotifier Notifier, UserProfile Rep, DueReminder Reminder)> NotifierAsync(BotApp app)
    {
        await app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var services = app.Services;
        var rep = (await services.GetRequiredService<IUserProfileStore>().GetAsync(new OwnerKey(Dana.TenantId, Dana.Id), CancellationToken.None))!;
        var deal = (await services.GetRequiredService<IDealStore>().ListAsync(rep.Key, false, CancellationToken.None)).Single();
        return (services.GetRequiredService<ReminderNotifier>(), rep, new DueReminder(deal, Rung.FirstReminder, new FollowUpDue("Prospect")));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_teams_asks_for_and_the_message_goes_once()
    {
        var (notifier, rep, reminder) = await NotifierAsync(_app);
        var before = _app.Connector.Sent.Count;
        _app.Connector.Failures.Enqueue((HttpStatusCode.TooManyRequests, 0));
        _app.Connector.Failures.Enqueue((HttpStatusCode.ServiceUnavailable, null));

        var result = await notifier.RemindRepAsync(rep, [reminder], CancellationToken.None);

        Assert.Equal(NotifyResult.Sent, result);
        Assert.Equal(2, _app.Connector.Refused);
        Assert.Equal(before + 1, _app.Connector.Sent.Count);
    }

    [Fact]
    public async Task A_long_retry_after_is_waited_out_on_the_clock_up_to_thirty_seconds()
    {
        var time = new ObservedTime(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var app = new BotApp(time: time, settings: _settings);
        var (notifier, rep, reminder) = await NotifierAsync(app);
        while (time.Waits.Reader.TryRead(out _))
        {
            // Waits started before the send are not the retry's.
        }

        app.Connector.Failures.Enqueue((HttpStatusCode.TooManyRequests, 120));
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var sending = notifier.RemindRepAsync(rep, [reminder], CancellationToken.None);
        var wait = await time.Waits.Reader.ReadAsync(bound.Token);
        var sentBeforeTheWaitWasOver = sending.IsCompleted;
        time.Advance(wait);

        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.False(sentBeforeTheWaitWasOver);
        Assert.Equal(NotifyResult.Sent, await sending);
        Assert.Equal(1, app.Connector.Refused);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("Teams answered 429 to a proactive message for aad-dana; retry 1 of 3 in 30000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_for_now_without_losing_the_reminder()
    {
        var (notifier, rep, reminder) = await NotifierAsync(_app);
        for (var i = 0; i < ProactiveSender.MaxAttempts; i++)
        {
            _app.Connector.Failures.Enqueue((HttpStatusCode.InternalServerError, null));
        }

        Assert.Equal(NotifyResult.Failed, await notifier.RemindRepAsync(rep, [reminder], CancellationToken.None));
        Assert.Equal(ProactiveSender.MaxAttempts, _app.Connector.Refused);
    }

    [Fact]
    public async Task A_403_means_the_bot_was_removed_and_is_not_retried()
    {
        var (notifier, rep, reminder) = await NotifierAsync(_app);
        _app.Connector.Failures.Enqueue((HttpStatusCode.Forbidden, null));

        Assert.Equal(NotifyResult.Gone, await notifier.RemindRepAsync(rep, [reminder], CancellationToken.None));
        Assert.Equal(1, _app.Connector.Refused);
    }

    [Fact]
    public async Task A_rep_snoozes_a_deal_by_chat()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        var text = await SayTextAsync(Dana, "snooze contoso until friday");

        Assert.Contains("Snoozed Contoso Ltd: no reminders before Fri 27 Nov 09:00.", text, StringComparison.Ordinal);
        var deal = (await _app.Services.GetRequiredService<IDealStore>().ListAsync(new OwnerKey(Dana.TenantId, Dana.Id), false, CancellationToken.None)).Single();
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), deal.Reminder.SnoozedUntil);
    }

    [Fact]
    public async Task A_rep_sets_working_hours_and_time_zone()
    {
        await _app.SayAsync(Dana, "hi");

        var hours = await SayTextAsync(Dana, "my hours 8-17 mon-fri");
        var zone = await SayTextAsync(Dana, "my timezone America/New_York");

        Assert.Contains("08:00–17:00 Mon, Tue, Wed, Thu, Fri", hours, StringComparison.Ordinal);
        Assert.Contains("Your time zone is now America/New_York", zone, StringComparison.Ordinal);
        var profile = (await _app.Services.GetRequiredService<IUserProfileStore>().GetAsync(new OwnerKey(Dana.TenantId, Dana.Id), CancellationToken.None))!;
        Assert.Equal(new TimeOnly(8, 0), profile.Hours.Start);
    }

    [Fact]
    public async Task A_manager_sees_the_stalled_deals_of_the_reps_they_manage()
    {
        await _app.SayAsync(Morgan, "hi");
        var noted = await SayTextAsync(Dana, "my manager is Morgan Manager");
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        _app.Time.Advance(TimeSpan.FromDays(15));

        var stalled = await SayTextAsync(Morgan, "stalled deals");

        Assert.Contains("Noted: Morgan Manager is your manager.", noted, StringComparison.Ordinal);
        Assert.Contains("Your team's stalled deals", stalled, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd: Prospect · 15 days of 2 weeks", stalled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_can_be_named_by_email_which_teams_gives_on_first_contact()
    {
        _app.Connector.Emails[Morgan.Id] = "morgan@contoso.com";
        await _app.SayAsync(Morgan, "hi");

        var noted = await SayTextAsync(Dana, "my manager is morgan@contoso.com");

        Assert.Contains("Noted: Morgan Manager is your manager.", noted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_who_comes_back_after_removing_the_bot_gets_their_parked_reminders_again()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var key = new OwnerKey(Dana.TenantId, Dana.Id);
        var store = _app.Services.GetRequiredService<IDealStore>();
        var profiles = _app.Services.GetRequiredService<IUserProfileStore>();
        var deal = (await store.ListAsync(key, false, CancellationToken.None)).Single();
        await store.SaveAsync(deal with { Reminder = deal.Reminder with { Parked = true } }, deal.ETag, CancellationToken.None);
        await profiles.UpdateAsync(key, p => p! with { ConversationActive = false }, CancellationToken.None);

        await _app.SayAsync(Dana, "hi");

        var resumed = (await store.ListAsync(key, false, CancellationToken.None)).Single();
        Assert.False(resumed.Reminder.Parked);
        Assert.NotNull(resumed.Reminder.IndexedDueAt);
        Assert.True((await profiles.GetAsync(key, CancellationToken.None))!.ConversationActive);
    }

    [Fact]
    public async Task A_deal_with_fresh_progress_is_not_listed_as_stalled()
    {
        await _app.SayAsync(Morgan, "hi");
        await _app.SayAsync(Dana, "my manager is Morgan Manager");
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "new deal Fabrikam 20k");
        _app.Time.Advance(TimeSpan.FromDays(15));
        await _app.SayAsync(Dana, "next step for contoso: send pricing");

        var stalled = await SayTextAsync(Morgan, "stalled deals");

        Assert.Contains("Fabrikam", stalled, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso", stalled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_manager_is_explained()
    {
        var text = await SayTextAsync(Dana, "my manager is Nobody Known");

        Assert.Contains("I don't know \"Nobody Known\" yet", text, StringComparison.Ordinal);
    }

    /// <summary>Fake time that tells the test of each wait started on it, so the test awaits the wait instead of sleeping.</summary>
    private sealed class ObservedTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public Channel<TimeSpan> Waits { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Waits.Writer.TryWrite(dueTime);
            return timer;
        }
    }
}
