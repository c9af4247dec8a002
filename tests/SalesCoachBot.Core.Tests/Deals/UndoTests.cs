using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Tests.Support;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Deals;

/// <summary>Undo: the rep's newest change to any of their deals is put back, one at a time, within a day, never another rep's.</summary>
public class UndoTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly SellingModel _consultative = _process.FindModel("consultative")!;
    private static readonly OwnerKey _dana = new("tenant-1", "dana");
    private static readonly OwnerKey _sam = new("tenant-1", "sam");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStores _store = new();
    private readonly DealUpdater _updater;
    private int _activity;

    public UndoTests() => _updater = new DealUpdater(_store, _process, NullLogger<DealUpdater>.Instance);

    private Actor NextActor() => new("Dana", $"a{++_activity}");

    private async Task<Deal> CreateAsync(string name, OwnerKey? owner = null)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var deal = DealRules.Create(owner ?? _dana, name, new Money(45_000, "USD"), _consultative, _time.GetUtcNow(), NextActor()).Deal!;
        return (await _updater.CreateAsync(deal, CancellationToken.None)).Deal!;
    }

    private async Task<Deal> ChangeAsync(Deal deal, Func<Deal, DateTimeOffset, Actor, DealChange> change)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var actor = NextActor();
        var outcome = await _updater.UpdateAsync(deal.Owner, deal.Id, actor.ActivityId, d => change(d, _time.GetUtcNow(), actor), CancellationToken.None);
        Assert.Equal(UpdateStatus.Applied, outcome.Status);
        return outcome.Deal!;
    }

    private Task<UndoOutcome> UndoAsync(OwnerKey? owner = null, string? activityId = null)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        return _updater.UndoAsync(owner ?? _dana, new Actor("Dana", activityId ?? $"undo{++_activity}"), _time.GetUtcNow(), CancellationToken.None);
    }

    private Task<Deal?> GetAsync(Deal deal) => _store.GetAsync(deal.Owner, deal.Id, CancellationToken.None);

    [Fact]
    public async Task Undo_puts_a_moved_deal_back_in_its_stage_and_says_it_was_a_move()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        await ChangeAsync(contoso, (d, now, actor) => DealRules.MoveTo(d, _consultative, _consultative.GetStage("qualify")!, now, actor));

        var undone = await UndoAsync();

        Assert.Equal(UndoStatus.Undone, undone.Status);
        Assert.Equal([DealEdit.Moved], undone.Entry!.Edits);
        Assert.Equal("qualify", undone.Before!.StageId);
        Assert.Equal("prospect", (await GetAsync(contoso))!.StageId);
        Assert.Single((await GetAsync(contoso))!.History);
    }

    [Fact]
    public async Task Repeated_undo_walks_back_across_deals_newest_first_and_an_undone_create_deletes_the_deal()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        var fabrikam = await CreateAsync("Fabrikam");
        await ChangeAsync(contoso, (d, now, actor) => DealRules.SetAmount(d, new Money(60_000, "USD"), now, actor));

        Assert.Equal([DealEdit.AmountChanged], (await UndoAsync()).Entry!.Edits);
        Assert.Equal(45_000, (await GetAsync(contoso))!.Amount!.Value.Amount);

        Assert.Equal([DealEdit.Created], (await UndoAsync()).Entry!.Edits);
        Assert.Null(await GetAsync(fabrikam));
        Assert.NotNull(await GetAsync(contoso));

        Assert.Equal([DealEdit.Created], (await UndoAsync()).Entry!.Edits);
        Assert.Empty(await _store.ListAsync(_dana, includeClosed: true, CancellationToken.None));
        Assert.Equal(UndoStatus.NothingToUndo, (await UndoAsync()).Status);
    }

    [Fact]
    public async Task A_won_deal_is_open_again_after_undo_and_its_reminders_resume()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        await ChangeAsync(contoso, (d, now, actor) => DealRules.Close(d, _consultative, won: true, null, now, actor));

        var undone = await UndoAsync();

        Assert.Equal([DealEdit.Won], undone.Entry!.Edits);
        var open = (await GetAsync(contoso))!;
        Assert.True(open.IsOpen);
        Assert.Equal("prospect", open.StageId);
        Assert.NotNull(open.Reminder.DueAt);
    }

    [Fact]
    public async Task Undo_of_a_delete_brings_the_deal_back_with_its_data()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        await ChangeAsync(contoso, (d, now, actor) => DealRules.SetNextStep(d, "send pricing", null, DateOnly.FromDateTime(now.Date), now, actor));
        var deleted = await ChangeAsync(contoso, DealRules.Delete);
        Assert.Null(await GetAsync(contoso));
        Assert.Equal("dana", deleted.DeletedBy);

        var undone = await UndoAsync();

        Assert.Equal([DealEdit.Deleted], undone.Entry!.Edits);
        var back = (await GetAsync(contoso))!;
        Assert.False(back.IsDeleted);
        Assert.Equal("send pricing", back.NextStep!.Text);
    }

    [Fact]
    public async Task A_change_older_than_a_day_is_not_undone()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        _time.Advance(UndoTrail.Window);

        var outcome = await UndoAsync();

        Assert.Equal(UndoStatus.TooOld, outcome.Status);
        Assert.NotNull(await GetAsync(contoso));
    }

    [Fact]
    public async Task Undo_never_touches_another_reps_deal_even_when_theirs_changed_last()
    {
        var mine = await CreateAsync("Contoso Ltd");
        await ChangeAsync(mine, (d, now, actor) => DealRules.SetAmount(d, new Money(60_000, "USD"), now, actor));
        var theirs = await CreateAsync("Contoso Ltd", _sam);

        var undone = await UndoAsync(_dana);

        Assert.Equal(mine.Id, undone.After!.Id);
        Assert.Equal(45_000, (await GetAsync(mine))!.Amount!.Value.Amount);
        Assert.NotNull(await GetAsync(theirs));
    }

    [Fact]
    public async Task A_retried_undo_activity_undoes_one_change_only()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        await ChangeAsync(contoso, (d, now, actor) => DealRules.SetAmount(d, new Money(60_000, "USD"), now, actor));

        await UndoAsync(activityId: "undo-1");
        var retry = await UndoAsync(activityId: "undo-1");

        Assert.Equal(UndoStatus.AlreadyApplied, retry.Status);
        Assert.NotNull(await GetAsync(contoso));
    }

    [Fact]
    public async Task The_trail_keeps_a_stated_number_of_changes_per_deal()
    {
        var contoso = await CreateAsync("Contoso Ltd");
        for (var i = 1; i <= UndoTrail.MaxEntriesPerDeal + 5; i++)
        {
            var amount = 1_000m * i;
            contoso = await ChangeAsync(contoso, (d, now, actor) => DealRules.SetAmount(d, new Money(amount, "USD"), now, actor));
        }

        Assert.Equal(UndoTrail.MaxEntriesPerDeal, contoso.Undo.Count);
        Assert.All(contoso.Undo, e => Assert.Empty(e.Before?.Undo ?? []));
    }

    [Fact]
    public void Reminder_bookkeeping_is_not_a_change_the_rep_can_undo()
    {
        var now = _time.GetUtcNow();
        var deal = DealRules.Create(_dana, "Contoso Ltd", null, _consultative, now, NextActor()).Deal!;
        var reminded = deal with { Reminder = deal.Reminder with { Sent = SalesCoachBot.Core.Reminders.Rung.FirstReminder, LastSentAt = now } };

        Assert.Empty(UndoTrail.EditsBetween(deal, reminded));
    }
}
