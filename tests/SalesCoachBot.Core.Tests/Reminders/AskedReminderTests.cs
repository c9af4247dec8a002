using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Tests.Support;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Tests.Reminders;

/// <summary>
/// "remind me about tailspin friday": a reminder on that day, apart from the next step and the ladder, sent once, taken
/// back by undo, dropped by a close, not held by a snooze.
/// </summary>
public class AskedReminderTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _model = _process.FindModel("consultative")!;
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly _friday = new(2026, 11, 27);
    private static readonly DateOnly _monday = new(2026, 11, 30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)); // Wednesday
    private readonly InMemoryStores _store = new();
    private readonly DealUpdater _updater;
    private readonly ReminderClaims _claims;
    private int _activity;

    public AskedReminderTests()
    {
        _updater = new DealUpdater(_store, _process, NullLogger<DealUpdater>.Instance);
        var managers = new ManagerLookup(_store, ManagerMapping.Empty, _time, NullLogger<ManagerLookup>.Instance);
        _claims = new ReminderClaims(_store, managers, _process, Options.Create(new ReminderOptions { ClaimTimeout = TimeSpan.FromMinutes(2) }));
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private Actor NextActor() => new("Dana", $"a{++_activity}");

    private UserProfile Dana => new()
    {
        TenantId = "t",
        UserId = "dana",
        TimeZoneId = "Europe/Berlin",
        ConversationReference = "{}",
        FirstSeen = _time.GetUtcNow(),
        LastSeen = _time.GetUtcNow(),
    };

    private async Task<Deal> TailspinWithNextStepAsync()
    {
        var created = DealRules.Create(new OwnerKey("t", "dana"), "Tailspin Toys", null, _model, _time.GetUtcNow(), NextActor()).Deal!;
        var deal = (await _updater.CreateAsync(created, CancellationToken.None)).Deal!;
        return await ChangeAsync(deal, (d, now, actor) => DealRules.SetNextStep(d, "Send the contract", new DateOnly(2026, 12, 10), Today, now, actor));
    }

    private async Task<Deal> ChangeAsync(Deal deal, Func<Deal, DateTimeOffset, Actor, DealChange> change)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var actor = NextActor();
        var outcome = await _updater.UpdateAsync(deal.Owner, deal.Id, actor.ActivityId, d => change(d, _time.GetUtcNow(), actor), CancellationToken.None);
        Assert.Equal(UpdateStatus.Applied, outcome.Status);
        return outcome.Deal!;
    }

    private Task<Deal> AskAsync(Deal deal, DateOnly on, string? note = null) =>
        ChangeAsync(deal, (d, now, actor) => DealRules.AskReminder(d, on, note, Today, now, actor));

    private Task<Deal?> GetAsync(Deal deal) => _store.GetAsync(deal.Owner, deal.Id, CancellationToken.None);

    /// <summary>What one sweep over this deal would send to Dana, recorded as sent.</summary>
    private async Task<DueReminder?> SweepAsync(Deal deal)
    {
        var current = (await GetAsync(deal))!;
        if (current.Reminder.IndexedDueAt is not { } due || due > _time.GetUtcNow())
        {
            return null;
        }

        var claim = await _claims.ClaimAsync(current, Dana, "test", _time.GetUtcNow(), CancellationToken.None);
        if (claim.Outcome != ClaimOutcome.Claimed)
        {
            return null;
        }

        await _claims.RecordAsync([claim.Reminder!], NotifyResult.Sent, "test", _time.GetUtcNow(), CancellationToken.None);
        return claim.Reminder;
    }

    [Fact]
    public async Task Asking_for_a_reminder_keeps_the_next_step_and_the_ladder_as_they_were()
    {
        var deal = await TailspinWithNextStepAsync();

        var asked = await AskAsync(deal, _friday, "send the pricing");

        Assert.Equal(deal.NextStep, asked.NextStep);
        Assert.Equal(deal.NextStepHistory, asked.NextStepHistory);
        Assert.Equal(deal.Reminder.ClockStart, asked.Reminder.ClockStart);
        Assert.Equal(new AskedReminder(_friday, "send the pricing", asked.UpdatedAt), asked.AskedReminder);
        Assert.Equal([DealEdit.ReminderAsked], asked.Undo[^1].Edits);
    }

    [Fact]
    public async Task A_day_already_past_is_refused_and_changes_nothing()
    {
        var deal = await TailspinWithNextStepAsync();

        var refused = DealRules.AskReminder(deal, Today.AddDays(-1), null, Today, _time.GetUtcNow(), NextActor());

        Assert.Equal(RefusalCode.ReminderInPast, refused.Refusal!.Code);
    }

    [Fact]
    public async Task It_is_due_at_the_start_of_its_day_where_the_rep_is_and_the_index_is_never_later()
    {
        var deal = await AskAsync(await TailspinWithNextStepAsync(), _friday);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), ReminderLadder.AskedDue(deal, _berlin));
        foreach (var zone in new[] { "Pacific/Kiritimati", "Europe/Berlin", "America/Los_Angeles", "Pacific/Pago_Pago" }.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            Assert.True(deal.Reminder.DueAt <= ReminderLadder.AskedDue(deal, zone), zone.Id);
        }
    }

    [Fact]
    public async Task It_goes_once_at_the_start_of_the_reps_working_day_and_leaves_the_ladder_where_it_was()
    {
        var deal = await AskAsync(await TailspinWithNextStepAsync(), _friday, "send the pricing");

        // Friday 08:59 in Berlin is before Dana's working day (09:00 by default).
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 7, 59, 0, TimeSpan.Zero));
        Assert.Null(await SweepAsync(deal));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var sent = await SweepAsync(deal);
        _time.Advance(TimeSpan.FromHours(1));
        var again = await SweepAsync(deal);

        Assert.Equal(new AskedReminderDue(_friday, "send the pricing"), sent!.Reason);
        Assert.Null(again);
        var after = (await GetAsync(deal))!;
        Assert.Null(after.AskedReminder);
        Assert.Equal(Rung.None, after.Reminder.Sent);
        Assert.Equal(deal.NextStep, after.NextStep);
        // What the deal waits for now is the ladder's own first rung, days away (the stage's allowed time, the next step).
        Assert.True(after.Reminder.DueAt > new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_snooze_does_not_hold_a_reminder_the_rep_asked_for()
    {
        var deal = await AskAsync(await TailspinWithNextStepAsync(), _friday);
        deal = await ChangeAsync(deal, (d, now, actor) => DealRules.Snooze(d, new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero), now, actor));

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

        Assert.IsType<AskedReminderDue>((await SweepAsync(deal))!.Reason);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero), (await GetAsync(deal))!.Reminder.SnoozedUntil);
    }

    [Fact]
    public async Task Asking_again_moves_it_and_only_the_new_day_is_reminded()
    {
        var deal = await AskAsync(await TailspinWithNextStepAsync(), _friday);
        deal = await AskAsync(deal, _monday);

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var friday = await SweepAsync(deal);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var monday = await SweepAsync(deal);

        Assert.Null(friday);
        Assert.Equal(new AskedReminderDue(_monday, null), monday!.Reason);
    }

    [Fact]
    public async Task Undo_takes_it_back_and_never_brings_back_one_already_sent()
    {
        var deal = await AskAsync(await TailspinWithNextStepAsync(), _friday);
        var undone = await _updater.UndoAsync(deal.Owner, NextActor(), _time.GetUtcNow(), CancellationToken.None);
        Assert.Equal([DealEdit.ReminderAsked], undone.Entry!.Edits);
        Assert.Null(undone.After!.AskedReminder);

        // Asked again for today, then an amount set; the reminder goes out; undoing the amount must not send it again.
        deal = await AskAsync(undone.After, Today);
        deal = await ChangeAsync(deal, (d, now, actor) => DealRules.SetAmount(d, new Core.Understanding.Money(30_000, "USD"), now, actor));
        Assert.NotNull(await SweepAsync(deal));
        var amountUndone = await _updater.UndoAsync(deal.Owner, NextActor(), _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal([DealEdit.AmountChanged], amountUndone.Entry!.Edits);
        Assert.Null(amountUndone.After!.AskedReminder);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await SweepAsync(deal));
    }

    [Fact]
    public async Task Closing_the_deal_drops_it_and_undoing_the_close_brings_it_back()
    {
        var deal = await AskAsync(await TailspinWithNextStepAsync(), _friday);

        var won = await ChangeAsync(deal, (d, now, actor) => DealRules.Close(d, _model, won: true, null, now, actor));
        Assert.Null(won.AskedReminder);
        Assert.Equal([DealEdit.Won], won.Undo[^1].Edits);
        var lost = await ChangeAsync(await AskAsync(await TailspinWithNextStepAsync(), _friday), (d, now, actor) => DealRules.Close(d, _model, won: false, "price", now, actor));
        Assert.Null(lost.AskedReminder);

        var undone = await _updater.UndoAsync(lost.Owner, NextActor(), _time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(_friday, undone.After!.AskedReminder!.On);
    }
}
