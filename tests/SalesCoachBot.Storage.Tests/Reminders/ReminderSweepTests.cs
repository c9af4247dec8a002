using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Storage.Tests.Reminders;

/// <summary>The stores one app instance uses; several of them over one database are several instances.</summary>
public sealed record StoreInstance(IDealStore Deals, IReminderSchedule Schedule, IUserProfileStore Users);

/// <summary>
/// The reminder sweep over a real store, with fake time and a recording notifier. Each store runs the whole suite
/// by deriving from it; <see cref="Open"/> is one more app instance over the same data.
/// </summary>
public abstract class ReminderSweepTests : IAsyncLifetime
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _model = _process.FindModel("consultative")!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)); // Wednesday

    /// <summary>Every reminder delivered: deal id, rung.</summary>
    private readonly ConcurrentQueue<(string DealId, Rung Rung, string To)> _delivered = new();

    /// <summary>The test's clock, which every instance's store shares.</summary>
    protected TimeProvider Time => _time;

    /// <summary>One more app instance over the test's database.</summary>
    protected abstract StoreInstance Open();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    private Mock<IReminderNotifier> RecordingNotifier(NotifyResult result = NotifyResult.Sent)
    {
        var notifier = new Mock<IReminderNotifier>();
        notifier.Setup(n => n.RemindRepAsync(It.IsAny<UserProfile>(), It.IsAny<IReadOnlyList<DueReminder>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((UserProfile rep, IReadOnlyList<DueReminder> reminders, CancellationToken _) =>
            {
                if (result == NotifyResult.Sent)
                {
                    foreach (var r in reminders)
                    {
                        _delivered.Enqueue((r.Deal.Id, r.Rung, rep.UserId));
                    }
                }

                return result;
            });
        notifier.Setup(n => n.NudgeManagerAsync(It.IsAny<UserProfile>(), It.IsAny<UserProfile>(), It.IsAny<DueReminder>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((UserProfile manager, UserProfile _, DueReminder r, CancellationToken _) =>
            {
                _delivered.Enqueue((r.Deal.Id, r.Rung, manager.UserId));
                return NotifyResult.Sent;
            });
        notifier.Setup(n => n.SendDigestAsync(It.IsAny<UserProfile>(), It.IsAny<IReadOnlyList<StalledDeal>>(), It.IsAny<IReadOnlyList<ScorecardRow>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((UserProfile manager, IReadOnlyList<StalledDeal> stalled, IReadOnlyList<ScorecardRow> scorecard, CancellationToken _) =>
            {
                _digests.Enqueue((manager.UserId, _time.GetUtcNow(), stalled.Count));
                _scorecards.Enqueue(scorecard);
                return NotifyResult.Sent;
            });
        notifier.Setup(n => n.SendWeeklySummaryAsync(It.IsAny<UserProfile>(), It.IsAny<ScorecardRow>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((UserProfile rep, ScorecardRow row, CancellationToken _) =>
            {
                _summaries.Enqueue((rep.UserId, _time.GetUtcNow(), row));
                return NotifyResult.Sent;
            });
        return notifier;
    }

    private readonly ConcurrentQueue<(string Manager, DateTimeOffset At, int Deals)> _digests = new();

    private readonly ConcurrentQueue<(string Rep, DateTimeOffset At, ScorecardRow Row)> _summaries = new();

    private readonly ConcurrentQueue<IReadOnlyList<ScorecardRow>> _scorecards = new();

    private ManagerMapping _mapping = ManagerMapping.Empty;

    /// <summary>One instance's sweeper, wired as the host wires it.</summary>
    private ReminderSweeper Sweeper(StoreInstance stores, IReminderNotifier notifier, string instance = "test", bool digests = true)
    {
        var options = Options.Create(new ReminderOptions { ClaimTimeout = TimeSpan.FromMinutes(2), RetryDelay = TimeSpan.FromMinutes(5), DigestEnabled = digests });
        var managers = new ManagerLookup(stores.Users, _mapping, _time, NullLogger<ManagerLookup>.Instance);
        return new(
            stores.Schedule,
            stores.Users,
            new ReminderClaims(stores.Deals, managers, _process, options),
            managers,
            new DigestSender(stores.Users, stores.Deals, notifier, _mapping, new Expectations(TargetsFile.Empty, _mapping), _process, options, NullLogger<DigestSender>.Instance),
            notifier,
            _time,
            options,
            NullLogger<ReminderSweeper>.Instance)
        { Instance = instance };
    }

    private async Task<UserProfile> RepAsync(StoreInstance database, string id, string? zone = "Europe/Berlin", string? manager = null)
    {
        var profile = new UserProfile
        {
            TenantId = "t1",
            UserId = id,
            Name = id,
            TimeZoneId = zone,
            ConversationReference = "{}",
            ManagerUserId = manager,
            FirstSeen = _time.GetUtcNow(),
            LastSeen = _time.GetUtcNow(),
        };
        await database.Users.SaveAsync(profile, null, CancellationToken.None);
        return profile;
    }

    private async Task<Deal> DealAsync(StoreInstance database, string owner, string name)
    {
        var updater = new DealUpdater(database.Deals, _process, NullLogger<DealUpdater>.Instance);
        var created = DealRules.Create(new OwnerKey("t1", owner), name, null, _model, _time.GetUtcNow(), new Actor(owner, $"create-{owner}-{name}")).Deal!;
        return (await updater.CreateAsync(created, CancellationToken.None)).Deal!;
    }

    private void PassAllowedTime() => _time.Advance(_model.FirstStage.AllowedTime!.Value + TimeSpan.FromHours(1));

    [Fact]
    public async Task Nothing_is_sent_before_the_stage_allowed_time_passes()
    {
        var db = Open();
        await RepAsync(db, "dana");
        await DealAsync(db, "dana", "Contoso");
        _time.Advance(TimeSpan.FromDays(3));

        var result = await Sweeper(db, RecordingNotifier().Object).SweepAsync(CancellationToken.None);

        Assert.Equal(0, result.Due);
        Assert.Empty(_delivered);
    }

    [Fact]
    public async Task Each_rung_of_the_ladder_is_sent_once_in_order_then_the_manager_is_nudged()
    {
        var db = Open();
        await RepAsync(db, "morgan");
        await RepAsync(db, "dana", manager: "morgan");
        var deal = await DealAsync(db, "dana", "Contoso");
        var sweeper = Sweeper(db, RecordingNotifier().Object);

        PassAllowedTime();
        await sweeper.SweepAsync(CancellationToken.None);
        await sweeper.SweepAsync(CancellationToken.None);
        _time.Advance(_process.Defaults.ReminderGrace + TimeSpan.FromHours(1));
        await sweeper.SweepAsync(CancellationToken.None);
        _time.Advance(_process.Defaults.EscalationGrace + TimeSpan.FromHours(1));
        await sweeper.SweepAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(30));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(
            [(deal.Id, Rung.FirstReminder, "dana"), (deal.Id, Rung.SecondReminder, "dana"), (deal.Id, Rung.ManagerNudge, "morgan")],
            _delivered.ToList());
    }

    [Fact]
    public async Task A_manager_named_in_the_mapping_file_by_object_id_is_nudged_in_their_own_chat()
    {
        const string managerId = "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
        var db = Open();
        await RepAsync(db, managerId);
        await RepAsync(db, "dana");
        var deal = await DealAsync(db, "dana", "Contoso");
        // Admins paste ids as they come; Teams gives them in lower case.
        _mapping = new ManagerMapping([new KeyValuePair<string, string>("dana", managerId.ToUpperInvariant())]);
        var sweeper = Sweeper(db, RecordingNotifier().Object);

        PassAllowedTime();
        await sweeper.SweepAsync(CancellationToken.None);
        _time.Advance(_process.Defaults.ReminderGrace + TimeSpan.FromHours(1));
        await sweeper.SweepAsync(CancellationToken.None);
        _time.Advance(_process.Defaults.EscalationGrace + TimeSpan.FromHours(1));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Contains((deal.Id, Rung.ManagerNudge, managerId), _delivered);
    }

    [Fact]
    public async Task A_nudge_waits_for_the_managers_working_hours_not_the_reps()
    {
        var db = Open();
        await RepAsync(db, "kenji", zone: "Asia/Tokyo");
        await RepAsync(db, "dana", manager: "kenji");
        var deal = await DealAsync(db, "dana", "Contoso");
        var store = db.Deals;
        var stored = (await store.GetAsync(deal.Owner, deal.Id, CancellationToken.None))!;

        // Both reminders went out; the nudge falls due Wednesday 9 Dec 10:00 UTC: 11:00 in Berlin, 19:00 in Tokyo.
        var secondSent = new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero) - _process.Defaults.EscalationGrace;
        await store.SaveAsync(stored with { Reminder = new ReminderState { Sent = Rung.SecondReminder, LastSentAt = secondSent, DueAt = secondSent + _process.Defaults.EscalationGrace } }, stored.ETag, CancellationToken.None);
        var sweeper = Sweeper(db, RecordingNotifier().Object);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(_delivered);

        // Thursday 09:00 in Tokyo is Thursday 00:00 UTC.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal([(deal.Id, Rung.ManagerNudge, "kenji")], _delivered.ToList());
    }

    [Fact]
    public async Task A_reminder_due_at_night_waits_for_the_reps_working_hours()
    {
        var db = Open();
        await RepAsync(db, "dana", zone: "America/Los_Angeles");
        await DealAsync(db, "dana", "Contoso");
        var sweeper = Sweeper(db, RecordingNotifier().Object);

        // Due Wednesday 9 Dec 09:00 UTC = 01:00 in Los Angeles: quiet time there.
        _time.Advance(_model.FirstStage.AllowedTime!.Value);
        var deferred = await sweeper.SweepAsync(CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 16, 59, 0, TimeSpan.Zero));
        await sweeper.SweepAsync(CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, deferred.Deferred);
        Assert.Single(_delivered);
    }

    [Fact]
    public async Task A_reminder_the_rep_asked_for_goes_once_at_the_start_of_their_day_and_leaves_the_ladder_alone()
    {
        var db = Open();
        await RepAsync(db, "morgan");
        await RepAsync(db, "dana", manager: "morgan");
        var deal = await DealAsync(db, "dana", "Tailspin");
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        var friday = new DateOnly(2026, 11, 27);
        await updater.UpdateAsync(deal, "ask", d => DealRules.AskReminder(d, friday, "send the pricing", new DateOnly(2026, 11, 25), _time.GetUtcNow(), new Actor("dana", "ask")), CancellationToken.None);
        var notifier = RecordingNotifier().Object;
        var instances = new[] { Sweeper(Open(), notifier, "a"), Sweeper(Open(), notifier, "b") };

        // Friday 08:00 in Berlin (07:00 UTC) is before Dana's working day; 09:00 (08:00 UTC) is its start.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        await instances[0].SweepAsync(CancellationToken.None);
        Assert.Empty(_delivered);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(instances.Select(i => i.SweepAsync(CancellationToken.None)));
        Assert.Equal([(deal.Id, Rung.None, "dana")], _delivered.ToList());

        // Every hour for a week, by both instances: nothing more until the ladder's own first rung, then that rung.
        for (var hour = 0; hour < 24 * 13; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(instances.Select(i => i.SweepAsync(CancellationToken.None)));
        }

        Assert.Equal([(deal.Id, Rung.None, "dana"), (deal.Id, Rung.FirstReminder, "dana")], _delivered.ToList());
        Assert.Null((await db.Deals.GetAsync(deal.Owner, deal.Id, CancellationToken.None))!.AskedReminder);
    }

    [Fact]
    public async Task Several_due_deals_of_one_rep_go_in_one_message()
    {
        var db = Open();
        await RepAsync(db, "dana");
        await DealAsync(db, "dana", "Contoso");
        await DealAsync(db, "dana", "Fabrikam");
        await DealAsync(db, "dana", "Northwind");
        var notifier = RecordingNotifier();
        PassAllowedTime();

        await Sweeper(db, notifier.Object).SweepAsync(CancellationToken.None);

        notifier.Verify(n => n.RemindRepAsync(It.IsAny<UserProfile>(), It.Is<IReadOnlyList<DueReminder>>(r => r.Count == 3), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_next_step_due_sooner_than_the_stage_allows_is_reminded_on_its_own_day()
    {
        var db = Open();
        await RepAsync(db, "dana");
        var deal = await DealAsync(db, "dana", "Contoso");
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        await updater.UpdateAsync(deal.Owner, deal.Id, "step", d => DealRules.SetNextStep(d, "call the CFO", today, today, _time.GetUtcNow(), new Actor("dana", "step")), CancellationToken.None);
        var sweeper = Sweeper(db, RecordingNotifier().Object);

        // The stage's allowed time runs to Friday; the next step was due today, so its reminder comes tomorrow morning.
        _time.Advance(TimeSpan.FromHours(25));
        Assert.True(_time.GetUtcNow() < deal.StageEnteredAt + _model.FirstStage.AllowedTime!.Value);
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal([(deal.Id, Rung.FirstReminder)], _delivered.Select(d => (d.DealId, d.Rung)));
    }

    [Fact]
    public async Task Progress_after_a_reminder_cancels_the_next_one()
    {
        var db = Open();
        await RepAsync(db, "dana");
        var deal = await DealAsync(db, "dana", "Contoso");
        var sweeper = Sweeper(db, RecordingNotifier().Object);
        PassAllowedTime();
        await sweeper.SweepAsync(CancellationToken.None);
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        await updater.UpdateAsync(deal.Owner, deal.Id, "progress", d => DealRules.SetNextStep(d, "call the CFO", null, new DateOnly(2026, 12, 9), _time.GetUtcNow(), new Actor("dana", "progress")), CancellationToken.None);

        _time.Advance(_process.Defaults.ReminderGrace + TimeSpan.FromHours(1));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal([Rung.FirstReminder], _delivered.Select(d => d.Rung));
    }

    [Fact]
    public async Task A_rep_who_removed_the_bot_is_not_messaged_again_and_loses_no_reminder()
    {
        var db = Open();
        await RepAsync(db, "dana");
        var deal = await DealAsync(db, "dana", "Contoso");
        PassAllowedTime();
        var gone = RecordingNotifier(NotifyResult.Gone);

        await Sweeper(db, gone.Object).SweepAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(5));
        await Sweeper(db, gone.Object).SweepAsync(CancellationToken.None);

        gone.Verify(n => n.RemindRepAsync(It.IsAny<UserProfile>(), It.IsAny<IReadOnlyList<DueReminder>>(), It.IsAny<CancellationToken>()), Times.Once);
        var stored = await db.Deals.GetAsync(deal.Owner, deal.Id, CancellationToken.None);
        Assert.True(stored!.Reminder.Parked);
        Assert.Equal(Rung.None, stored.Reminder.Sent);
        Assert.False((await db.Users.GetAsync(deal.Owner, CancellationToken.None))!.ConversationActive);
    }

    [Fact]
    public async Task Three_instances_over_one_store_deliver_every_reminder_exactly_once()
    {
        var setup = Open();
        var expected = new List<string>();
        for (var rep = 0; rep < 10; rep++)
        {
            await RepAsync(setup, $"rep{rep}");
            for (var d = 0; d < 6; d++)
            {
                expected.Add((await DealAsync(setup, $"rep{rep}", $"Deal {rep}-{d}")).Id);
            }
        }

        PassAllowedTime();
        var sweepers = Enumerable.Range(0, 3).Select(i => Sweeper(Open(), RecordingNotifier().Object, $"instance-{i}")).ToList();

        await Task.WhenAll(sweepers.SelectMany(s => Enumerable.Range(0, 3).Select(_ => Task.Run(() => s.SweepAsync(CancellationToken.None)))));

        Assert.Equal(expected.Order(), _delivered.Select(d => d.DealId).Order());
    }

    [Fact]
    public async Task Work_claimed_by_an_instance_that_died_is_taken_over_after_the_claim_expires()
    {
        var db = Open();
        await RepAsync(db, "dana");
        var deal = await DealAsync(db, "dana", "Contoso");
        PassAllowedTime();
        var dying = new Mock<IReminderNotifier>();
        dying.Setup(n => n.RemindRepAsync(It.IsAny<UserProfile>(), It.IsAny<IReadOnlyList<DueReminder>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException("the instance was killed mid-sweep"));
        var survivor = Sweeper(Open(), RecordingNotifier().Object, "survivor");

        await Assert.ThrowsAsync<OperationCanceledException>(() => Sweeper(Open(), dying.Object, "dying").SweepAsync(CancellationToken.None));
        await survivor.SweepAsync(CancellationToken.None);
        var beforeExpiry = _delivered.Count;
        _time.Advance(TimeSpan.FromMinutes(3));
        await survivor.SweepAsync(CancellationToken.None);
        await survivor.SweepAsync(CancellationToken.None);

        Assert.Equal(0, beforeExpiry);
        Assert.Equal([(deal.Id, Rung.FirstReminder, "dana")], _delivered.ToList());
    }

    [Fact]
    public async Task A_won_deals_first_follow_up_is_reminded_when_its_day_passes_and_a_lost_deal_is_not()
    {
        var db = Open();
        await RepAsync(db, "dana");
        var won = await DealAsync(db, "dana", "Contoso");
        var lost = await DealAsync(db, "dana", "Fabrikam");
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        await updater.UpdateAsync(won.Owner, won.Id, "won", d => DealRules.Close(d, _model, won: true, null, _time.GetUtcNow(), new Actor("dana", "won")), CancellationToken.None);
        await updater.UpdateAsync(lost.Owner, lost.Id, "lost", d => DealRules.Close(d, _model, won: false, "no budget", _time.GetUtcNow(), new Actor("dana", "lost")), CancellationToken.None);
        var followUp = (await db.Deals.ListAsync(won.Owner, includeClosed: true, CancellationToken.None)).Single(d => d.Id == won.Id).NextStep!;
        Assert.Equal(_model.ClosingStage(StageOutcome.Won)!.FollowUps[0], followUp.Text);
        var sweeper = Sweeper(db, RecordingNotifier().Object);

        // Due at the end of its day: not yet on the day itself.
        _time.SetUtcNow(new DateTimeOffset(followUp.Due!.Value.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(_delivered);

        // Sweep daily after that: the first working day sends it.
        for (var day = 0; day < 4 && _delivered.IsEmpty; day++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            await sweeper.SweepAsync(CancellationToken.None);
        }

        Assert.Equal([(won.Id, Rung.FirstReminder, "dana")], _delivered.ToList());
    }

    [Fact]
    public async Task A_deleted_deal_is_not_reminded_and_undo_brings_its_reminders_back()
    {
        var db = Open();
        await RepAsync(db, "dana");
        var deal = await DealAsync(db, "dana", "Contoso");
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        var sweeper = Sweeper(db, RecordingNotifier().Object);
        PassAllowedTime();

        await updater.UpdateAsync(deal.Owner, deal.Id, "delete", d => DealRules.Delete(d, _time.GetUtcNow(), new Actor("dana", "delete")), CancellationToken.None);
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(_delivered);

        _time.Advance(TimeSpan.FromHours(1));
        await updater.UndoAsync(deal.Owner, new Actor("dana", "undo"), _time.GetUtcNow(), CancellationToken.None);
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal([(deal.Id, Rung.FirstReminder, "dana")], _delivered.ToList());
    }

    [Fact]
    public async Task A_deleted_deal_is_not_in_the_managers_stalled_digest()
    {
        var db = Open();
        var manager = await RepAsync(db, "morgan");
        await RepAsync(db, "dana", manager: "morgan");
        var kept = await DealAsync(db, "dana", "Contoso");
        var deleted = await DealAsync(db, "dana", "Fabrikam");
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        await updater.UpdateAsync(deleted.Owner, deleted.Id, "delete", d => DealRules.Delete(d, _time.GetUtcNow(), new Actor("dana", "delete")), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(60));

        var (stalled, isTeam) = await StalledDeals.ForAsync(manager, db.Users, db.Deals, _mapping, _process, _time.GetUtcNow(), CancellationToken.None);

        Assert.True(isTeam);
        Assert.Equal([kept.Id], stalled.Select(s => s.View.Deal.Id));
    }

    [Fact]
    public async Task The_digest_goes_once_a_week_on_monday_at_nine_in_the_managers_time_zone()
    {
        var db = Open();
        var options = new ReminderOptions();
        var manager = await RepAsync(db, "morgan", zone: "America/New_York");
        await db.Users.SaveAsync(
            manager with { NextDigestAt = StalledDeals.NextDigest(_time.GetUtcNow(), manager.Zone, options) },
            (await db.Users.GetAsync(manager.Key, CancellationToken.None))!.ETag,
            CancellationToken.None);
        await RepAsync(db, "dana", manager: "morgan");
        await DealAsync(db, "dana", "Contoso");
        var sweepers = new[] { Sweeper(db, RecordingNotifier().Object, "a"), Sweeper(Open(), RecordingNotifier().Object, "b") };

        // Sweep every hour for three weeks, two instances at once.
        for (var hour = 0; hour < 21 * 24; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(sweepers.Select(s => s.SweepAsync(CancellationToken.None)));
        }

        var mondaysNineInNewYork = new[] { new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 14, 14, 0, 0, TimeSpan.Zero) };
        Assert.Equal(mondaysNineInNewYork, _digests.Select(d => d.At));
        Assert.All(_digests, d => Assert.Equal("morgan", d.Manager));
        Assert.Equal([0, 0, 1], _digests.Select(d => d.Deals));
    }

    [Fact]
    public async Task A_rep_gets_one_weekly_summary_each_monday_morning_and_none_when_off_or_without_deals()
    {
        var db = Open();
        var dana = await RepAsync(db, "dana");
        var lee = await RepAsync(db, "lee");
        var sam = await RepAsync(db, "sam");
        await DealAsync(db, "dana", "Contoso");
        await DealAsync(db, "lee", "Fabrikam");
        var first = WeeklySummaries.Next(_time.GetUtcNow(), dana.Zone);
        await db.Users.UpdateAsync(dana.Key, p => p! with { NextSummaryAt = first }, CancellationToken.None);
        await db.Users.UpdateAsync(sam.Key, p => p! with { NextSummaryAt = first }, CancellationToken.None);

        // Lee turned it off after it was scheduled: the due entry is cleared, nothing is sent.
        await db.Users.UpdateAsync(lee.Key, p => p! with { NextSummaryAt = first, WeeklySummary = false }, CancellationToken.None);
        var sweepers = new[] { Sweeper(db, RecordingNotifier().Object, "a"), Sweeper(Open(), RecordingNotifier().Object, "b") };

        // Sweep every hour for three weeks, two instances at once.
        for (var hour = 0; hour < 21 * 24; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(sweepers.Select(s => s.SweepAsync(CancellationToken.None)));
        }

        // Nine in the morning in Berlin (UTC+1 in winter) on each Monday, to Dana only.
        var mondaysNineInBerlin = new[] { new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 14, 8, 0, 0, TimeSpan.Zero) };
        Assert.Equal(mondaysNineInBerlin, _summaries.Select(s => s.At));
        Assert.All(_summaries, s => Assert.Equal("dana", s.Rep));
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 7)], _summaries.Select(s => s.Row.Week.Start));
        Assert.Null((await db.Users.GetAsync(lee.Key, CancellationToken.None))!.NextSummaryAt);
    }

    [Fact]
    public async Task The_weekly_digest_carries_the_team_scorecard_of_last_week_and_the_quarters_commit_against_quota()
    {
        var db = Open();
        var manager = await RepAsync(db, "morgan");
        await db.Users.SaveAsync(
            manager with { NextDigestAt = StalledDeals.NextDigest(_time.GetUtcNow(), manager.Zone, new ReminderOptions()), TeamTargets = [new ActivityTarget(TargetMeasure.Calls, 5)] },
            (await db.Users.GetAsync(manager.Key, CancellationToken.None))!.ETag,
            CancellationToken.None);
        var dana = await RepAsync(db, "dana", manager: "morgan");
        await db.Users.UpdateAsync(dana.Key, p => p! with { QuarterlyQuota = new Money(100_000, "USD") }, CancellationToken.None);
        var updater = new DealUpdater(db.Deals, _process, NullLogger<DealUpdater>.Instance);
        var actor = new Actor("dana", "scorecard");
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var contoso = (await updater.CreateAsync(DealRules.Create(dana.Key, "Contoso", new Money(40_000, "USD"), _model, now, new Actor("dana", "create-contoso")).Deal!, CancellationToken.None)).Deal!;
        await updater.UpdateAsync(dana.Key, contoso.Id, "call", d => DealRules.LogActivity(d, ActivityKind.Call, today, null, today, now, actor), CancellationToken.None);
        await updater.UpdateAsync(dana.Key, contoso.Id, "won", d => DealRules.Close(d, _model, won: true, null, now.AddDays(1), actor), CancellationToken.None);
        var fabrikam = (await updater.CreateAsync(DealRules.Create(dana.Key, "Fabrikam", new Money(60_000, "USD"), _model, now, new Actor("dana", "create-fabrikam")).Deal!, CancellationToken.None)).Deal!;
        await updater.UpdateAsync(dana.Key, fabrikam.Id, "commit", d => ForecastOverride.Put(d, ForecastCategory.Commit, now, actor), CancellationToken.None);
        await updater.UpdateAsync(dana.Key, fabrikam.Id, "close", d => DealRules.SetExpectedClose(d, new DateOnly(2026, 12, 20), today, now, actor), CancellationToken.None);
        var sweepers = new[] { Sweeper(db, RecordingNotifier().Object, "a"), Sweeper(Open(), RecordingNotifier().Object, "b") };

        // Wednesday to the next Tuesday, every hour, two instances: one digest, on Monday, scoring Mon 23 – Sun 29 Nov.
        for (var hour = 0; hour < 6 * 24; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(sweepers.Select(s => s.SweepAsync(CancellationToken.None)));
        }

        var row = Assert.Single(Assert.Single(_scorecards));
        Assert.Equal("dana", row.Rep.UserId);
        Assert.Equal(new DateOnly(2026, 11, 23), row.Week.Start);
        Assert.Equal((1, 1, 40_000m, 60_000m), (row.Activities, row.Won, row.WonAmount.In("USD"), row.Commit.In("USD")));
        Assert.Equal(1m, row.AgainstQuota);

        // Against the manager's "team target: 5 calls a week": 1 call last week, none the week before.
        var calls = Assert.Single(row.Targets);
        Assert.Equal((TargetMeasure.Calls, 1, 5m, 0, Trend.Up), (calls.Target.Measure, calls.Actual, calls.Expected, calls.PreviousActual, calls.Trend));
        Assert.Equal((0, 0m), (row.PreviousActivities, row.LastQuarterAgainstQuota));

        // Dana was stored with no weekly summary scheduled (as before summaries existed); the digest scheduled hers.
        Assert.Equal(WeeklySummaries.Next(_time.GetUtcNow(), dana.Zone), (await db.Users.GetAsync(dana.Key, CancellationToken.None))!.NextSummaryAt);
    }

    [Fact]
    public async Task With_digests_turned_off_only_the_rep_who_said_weekly_summary_on_gets_one()
    {
        var db = Open();
        var dana = await RepAsync(db, "dana");
        var lee = await RepAsync(db, "lee");
        await DealAsync(db, "dana", "Contoso");
        await DealAsync(db, "lee", "Fabrikam");
        var first = WeeklySummaries.Next(_time.GetUtcNow(), dana.Zone);
        await db.Users.UpdateAsync(dana.Key, p => p! with { NextSummaryAt = first, WeeklySummaryAskedFor = true }, CancellationToken.None);
        await db.Users.UpdateAsync(lee.Key, p => p! with { NextSummaryAt = first }, CancellationToken.None);
        var sweeper = Sweeper(db, RecordingNotifier().Object, digests: false);

        for (var hour = 0; hour < 8 * 24; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await sweeper.SweepAsync(CancellationToken.None);
        }

        Assert.Equal(["dana"], _summaries.Select(s => s.Rep));
        Assert.Null((await db.Users.GetAsync(lee.Key, CancellationToken.None))!.NextSummaryAt);
    }

    [Fact]
    public async Task A_sweep_reads_only_the_due_deals()
    {
        var db = Open();
        await RepAsync(db, "dana");
        for (var i = 0; i < 50; i++)
        {
            await DealAsync(db, "dana", $"Not yet {i}");
        }

        _time.Advance(TimeSpan.FromDays(10));
        await DealAsync(db, "dana", "Fresh");
        var schedule = db.Schedule;

        Assert.Empty(await schedule.ListDueAsync(_time.GetUtcNow(), 1000, CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(50, (await schedule.ListDueAsync(_time.GetUtcNow(), 1000, CancellationToken.None)).Count);
    }
}
