using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Storage.Tests.Contract;

/// <summary>The behaviour every store must have. Each store implementation runs this suite by deriving from it.</summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    protected abstract IDealStore Deals { get; }

    protected abstract IUserProfileStore Users { get; }


    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    internal static Deal NewDeal(string tenant, string owner, string id, string name = "Contoso Ltd") => new()
    {
        Id = id,
        TenantId = tenant,
        OwnerId = owner,
        Name = name,
        Amount = new Money(45_000, "USD"),
        ModelId = "consultative",
        StageId = "prospect",
        StageEnteredAt = _now,
        CreatedAt = _now,
        UpdatedAt = _now,
        ExpectedClose = new DateOnly(2026, 12, 15),
        NextStep = new NextStep("send pricing", new DateOnly(2026, 11, 27), _now),
        History = [new StageChange(null, "prospect", _now, "Dana")],
        AppliedActivities = ["a1"],
    };

    [Fact]
    public async Task A_teams_read_since_an_instant_keeps_open_deals_and_the_closed_ones_changed_since()
    {
        var since = _now.AddDays(-30);
        var open = NewDeal("t1", "dana", "open") with { UpdatedAt = _now.AddDays(-90) };
        var closedLongAgo = NewDeal("t1", "dana", "old") with { Status = DealStatus.Won, ClosedAt = _now.AddDays(-60), UpdatedAt = _now.AddDays(-60) };
        var closedSince = NewDeal("t1", "dana", "new") with { Status = DealStatus.Lost, ClosedAt = _now.AddDays(-2), UpdatedAt = _now.AddDays(-2) };
        var someoneElses = NewDeal("t1", "sam", "sams") with { Status = DealStatus.Won, ClosedAt = _now, UpdatedAt = _now };
        foreach (var deal in new[] { open, closedLongAgo, closedSince, someoneElses })
        {
            await Deals.SaveAsync(deal, null, CancellationToken.None);
        }

        var dana = new UserProfile { TenantId = "t1", UserId = "dana", FirstSeen = _now, LastSeen = _now };
        var read = await new Core.Insights.TeamReader(Users, Deals, Core.Reminders.ManagerMapping.Empty).DealsChangedSinceAsync([dana], since, CancellationToken.None);

        Assert.Equal(["new", "open"], Assert.Single(read).Deals.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task A_teams_read_since_an_instant_leaves_out_deleted_deals_even_when_just_changed()
    {
        var since = _now.AddDays(-30);
        var kept = NewDeal("t1", "dana", "kept");
        var deletedOpen = NewDeal("t1", "dana", "gone-open") with { DeletedAt = _now, DeletedBy = "dana" };
        var deletedWin = NewDeal("t1", "dana", "gone-won") with { Status = DealStatus.Won, ClosedAt = _now.AddDays(-1), DeletedAt = _now, DeletedBy = "dana" };
        foreach (var deal in new[] { kept, deletedOpen, deletedWin })
        {
            await Deals.SaveAsync(deal, null, CancellationToken.None);
        }

        var dana = new UserProfile { TenantId = "t1", UserId = "dana", FirstSeen = _now, LastSeen = _now };
        var read = await new Core.Insights.TeamReader(Users, Deals, Core.Reminders.ManagerMapping.Empty).DealsChangedSinceAsync([dana], since, CancellationToken.None);

        Assert.Equal(["kept"], Assert.Single(read).Deals.Select(d => d.Id));
    }

    [Fact]
    public async Task A_saved_deal_reads_back_whole()
    {
        var deal = NewDeal("t1", "dana", "d1");

        var saved = await Deals.SaveAsync(deal, null, CancellationToken.None);
        var read = await Deals.GetAsync(deal.Owner, "d1", CancellationToken.None);

        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.NotNull(read);
        Assert.Equal(saved.Saved!.ETag, read.ETag);
        Assert.Equal(deal.Name, read.Name);
        Assert.Equal(deal.Amount, read.Amount);
        Assert.Equal(deal.NextStep, read.NextStep);
        Assert.Equal(deal.ExpectedClose, read.ExpectedClose);
        Assert.Equal(deal.History, read.History);
        Assert.Equal(deal.AppliedActivities, read.AppliedActivities);
        Assert.Equal(deal.StageEnteredAt, read.StageEnteredAt);
    }

    [Fact]
    public async Task A_deleted_deal_is_gone_from_reads_and_lists_but_kept_for_undo()
    {
        var owner = new OwnerKey("t1", "dana");
        var kept = (await Deals.SaveAsync(NewDeal("t1", "dana", "d1", "Contoso Ltd"), null, CancellationToken.None)).Saved!;
        var gone = (await Deals.SaveAsync(NewDeal("t1", "dana", "d2", "Fabrikam"), null, CancellationToken.None)).Saved!;
        await Deals.SaveAsync(gone with { DeletedAt = _now, DeletedBy = "dana" }, gone.ETag, CancellationToken.None);

        Assert.Null(await Deals.GetAsync(owner, "d2", CancellationToken.None));
        Assert.Equal([kept.Id], (await Deals.ListAsync(owner, includeClosed: false, CancellationToken.None)).Select(d => d.Id));
        Assert.Equal([kept.Id], (await Deals.ListAsync(owner, includeClosed: true, CancellationToken.None)).Select(d => d.Id));
        var all = await Deals.ListIncludingDeletedAsync(owner, CancellationToken.None);
        Assert.Equal(["d1", "d2"], all.Select(d => d.Id));
        Assert.Equal("Fabrikam", all[1].Name);
        Assert.Equal(_now, all[1].DeletedAt);
    }

    [Fact]
    public async Task A_deals_undo_trail_reads_back_with_the_deal_as_it_was()
    {
        var before = NewDeal("t1", "dana", "d1");
        var changed = UndoTrail.Record(before, before with { Amount = new Money(60_000, "USD"), UpdatedAt = _now.AddMinutes(1) }, _now.AddMinutes(1));

        await Deals.SaveAsync(changed, null, CancellationToken.None);
        var read = (await Deals.GetAsync(before.Owner, "d1", CancellationToken.None))!;

        var entry = Assert.Single(read.Undo);
        Assert.Equal([DealEdit.AmountChanged], entry.Edits);
        Assert.Equal(45_000, entry.Before!.Amount!.Value.Amount);
        Assert.Equal(before.History, entry.Before.History);
    }

    [Fact]
    public async Task Inserting_a_deal_that_exists_is_a_conflict_and_keeps_the_first()
    {
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1", "First"), null, CancellationToken.None);

        var second = await Deals.SaveAsync(NewDeal("t1", "dana", "d1", "Second"), null, CancellationToken.None);

        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.Equal("First", (await Deals.GetAsync(new OwnerKey("t1", "dana"), "d1", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_a_conflict_and_loses_nothing()
    {
        var saved = (await Deals.SaveAsync(NewDeal("t1", "dana", "d1"), null, CancellationToken.None)).Saved!;
        var first = await Deals.SaveAsync(saved with { Name = "Renamed once" }, saved.ETag, CancellationToken.None);

        var stale = await Deals.SaveAsync(saved with { Name = "Renamed from a stale read" }, saved.ETag, CancellationToken.None);

        Assert.Equal(SaveStatus.Saved, first.Status);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("Renamed once", (await Deals.GetAsync(saved.Owner, "d1", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Two_concurrent_updates_through_the_updater_both_land()
    {
        var saved = (await Deals.SaveAsync(NewDeal("t1", "dana", "d1"), null, CancellationToken.None)).Saved!;
        var updater = new DealUpdater(Deals, SalesCoachBot.Core.Process.ProcessLoader.LoadDefault(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DealUpdater>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => updater.UpdateAsync(
            saved.Owner,
            "d1",
            $"act-{i}",
            d => DealChange.Changed(d with { AppliedActivities = [.. d.AppliedActivities, $"act-{i}"] }),
            CancellationToken.None))));

        var read = (await Deals.GetAsync(saved.Owner, "d1", CancellationToken.None))!;
        Assert.All(Enumerable.Range(0, 8), i => Assert.Contains($"act-{i}", read.AppliedActivities));
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_deals_and_nothing_crosses_tenants()
    {
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1", "Dana's"), null, CancellationToken.None);
        await Deals.SaveAsync(NewDeal("t1", "sam", "d2", "Sam's"), null, CancellationToken.None);
        await Deals.SaveAsync(NewDeal("t2", "dana", "d3", "Other tenant's Dana"), null, CancellationToken.None);

        var danas = await Deals.ListAsync(new OwnerKey("t1", "dana"), includeClosed: true, CancellationToken.None);

        Assert.Equal(["Dana's"], danas.Select(d => d.Name));
        Assert.Null(await Deals.GetAsync(new OwnerKey("t1", "dana"), "d2", CancellationToken.None));
        Assert.Null(await Deals.GetAsync(new OwnerKey("t2", "dana"), "d1", CancellationToken.None));
    }

    [Fact]
    public async Task Listing_open_deals_leaves_out_closed_ones()
    {
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1", "Open"), null, CancellationToken.None);
        await Deals.SaveAsync(NewDeal("t1", "dana", "d2", "Won") with { Status = DealStatus.Won, StageId = "closed-won" }, null, CancellationToken.None);

        var open = await Deals.ListAsync(new OwnerKey("t1", "dana"), includeClosed: false, CancellationToken.None);
        var all = await Deals.ListAsync(new OwnerKey("t1", "dana"), includeClosed: true, CancellationToken.None);

        Assert.Equal(["Open"], open.Select(d => d.Name));
        Assert.Equal(2, all.Count);
    }

    [Theory]
    [InlineData("t|1", "u", "t", "1|u")]
    [InlineData("t/1", "u?x", "t", "1/u?x")]
    [InlineData("t%2F1", "u#1", "t/1", "u#1")]
    [InlineData("t~7C", "u", "t|", "u")]
    public async Task Ids_with_separators_and_url_characters_never_collide(string tenantA, string userA, string tenantB, string userB)
    {
        var a = new OwnerKey(tenantA, userA);
        var b = new OwnerKey(tenantB, userB);
        await Deals.SaveAsync(NewDeal(a.TenantId, a.UserId, "d/1?#", "A's deal"), null, CancellationToken.None);
        await Deals.SaveAsync(NewDeal(b.TenantId, b.UserId, "d/1?#", "B's deal"), null, CancellationToken.None);

        Assert.Equal("A's deal", (await Deals.GetAsync(a, "d/1?#", CancellationToken.None))!.Name);
        Assert.Equal(["B's deal"], (await Deals.ListAsync(b, includeClosed: true, CancellationToken.None)).Select(d => d.Name));
    }

    [Fact]
    public async Task Names_with_markup_and_quotes_are_stored_verbatim()
    {
        const string name = "<script>alert('x')</script> \"Robert'); DROP TABLE deals;--";
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1", name), null, CancellationToken.None);

        Assert.Equal(name, (await Deals.GetAsync(new OwnerKey("t1", "dana"), "d1", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task A_user_profile_is_saved_with_optimistic_concurrency()
    {
        var profile = new UserProfile
        {
            TenantId = "t1",
            UserId = "dana",
            Name = "Dana",
            TimeZoneId = "Europe/Berlin",
            ConversationReference = "{\"conversation\":{\"id\":\"c1\"}}",
            FirstSeen = _now,
            LastSeen = _now,
        };

        Assert.True(await Users.SaveAsync(profile, null, CancellationToken.None));
        Assert.False(await Users.SaveAsync(profile, null, CancellationToken.None));
        var read = (await Users.GetAsync(profile.Key, CancellationToken.None))!;
        Assert.Equal("Europe/Berlin", read.TimeZoneId);
        Assert.Equal(profile.ConversationReference, read.ConversationReference);
        Assert.True(await Users.SaveAsync(read with { Name = "Dana S." }, read.ETag, CancellationToken.None));
        Assert.False(await Users.SaveAsync(read with { Name = "Stale" }, read.ETag, CancellationToken.None));
        Assert.Equal("Dana S.", (await Users.GetAsync(profile.Key, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task A_managers_team_targets_and_a_reps_own_weekly_summary_choice_are_kept()
    {
        var morgan = new UserProfile
        {
            TenantId = "t1",
            UserId = "morgan",
            FirstSeen = _now,
            LastSeen = _now,
            TeamTargets = [new Core.Insights.ActivityTarget(Core.Insights.TargetMeasure.Calls, 20), new Core.Insights.ActivityTarget(Core.Insights.TargetMeasure.NewDeals, 2)],
            WeeklySummaryAskedFor = true,
        };

        Assert.True(await Users.SaveAsync(morgan, null, CancellationToken.None));
        var read = (await Users.GetAsync(morgan.Key, CancellationToken.None))!;

        Assert.Equal(morgan.TeamTargets, read.TeamTargets);
        Assert.True(read.WeeklySummaryAskedFor);
    }

    [Fact]
    public async Task A_deal_keeps_its_next_step_history()
    {
        var deal = NewDeal("t1", "dana", "d-steps") with
        {
            NextStepHistory =
            [
                new NextStepRecord(_now.AddDays(-7), new DateOnly(2026, 11, 20)) { DoneAt = _now.AddDays(-6), DoneOn = new DateOnly(2026, 11, 18), EndedAt = _now },
                new NextStepRecord(_now, new DateOnly(2026, 11, 27)),
            ],
        };

        await Deals.SaveAsync(deal, null, CancellationToken.None);
        var read = (await Deals.GetAsync(deal.Owner, deal.Id, CancellationToken.None))!;

        Assert.Equal(deal.NextStepHistory, read.NextStepHistory);
    }
}
