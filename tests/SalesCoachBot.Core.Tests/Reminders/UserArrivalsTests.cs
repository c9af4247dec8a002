using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Tests.Support;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Tests.Reminders;

public class UserArrivalsTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)); // Wednesday
    private readonly InMemoryStores _stores = new();
    private readonly ReminderOptions _options = new();
    private ManagerMapping _mapping = ManagerMapping.Empty;

    private UserArrivals Arrivals() => new(
        _stores,
        new DealUpdater(_stores, _process, NullLogger<DealUpdater>.Instance),
        _stores,
        _mapping,
        Options.Create(_options),
        _time,
        NullLogger<UserArrivals>.Instance);

    private UserProfile Profile(string id, bool active = true, string? reference = "{}") => new()
    {
        TenantId = "t1",
        UserId = id,
        Name = id,
        TimeZoneId = "America/New_York",
        ConversationReference = reference,
        ConversationActive = active,
        FirstSeen = _time.GetUtcNow(),
        LastSeen = _time.GetUtcNow(),
    };

    private async Task<UserProfile> StoredAsync(UserProfile profile)
    {
        await _stores.SaveAsync(profile, (await _stores.GetAsync(profile.Key, CancellationToken.None))?.ETag, CancellationToken.None);
        return (await _stores.GetAsync(profile.Key, CancellationToken.None))!;
    }

    private async Task<Deal> ParkedDealAsync(string owner)
    {
        var created = DealRules.Create(new OwnerKey("t1", owner), "Contoso", null, _process.DefaultModel, _time.GetUtcNow(), new Actor(owner, "create")).Deal!;
        var saved = (await new DealUpdater(_stores, _process, NullLogger<DealUpdater>.Instance).CreateAsync(created, CancellationToken.None)).Deal!;
        var parked = saved with { Reminder = saved.Reminder with { Parked = true } };
        return (await _stores.SaveAsync(parked, saved.ETag, CancellationToken.None)).Saved!;
    }

    [Fact]
    public async Task A_rep_who_comes_back_after_removing_the_bot_gets_their_parked_reminders_again()
    {
        var deal = await ParkedDealAsync("dana");
        var after = await StoredAsync(Profile("dana"));

        await Arrivals().OnProfileSavedAsync(Profile("dana", active: false), after, CancellationToken.None);

        var resumed = (await _stores.GetAsync(deal.Owner, deal.Id, CancellationToken.None))!;
        Assert.False(resumed.Reminder.Parked);
        Assert.NotNull(resumed.Reminder.IndexedDueAt);
    }

    [Fact]
    public async Task A_first_personal_chat_after_meeting_the_bot_in_a_channel_resumes_reminders_that_waited_for_it()
    {
        var deal = await ParkedDealAsync("dana");
        var after = await StoredAsync(Profile("dana"));

        await Arrivals().OnProfileSavedAsync(Profile("dana", reference: null), after, CancellationToken.None);

        Assert.False((await _stores.GetAsync(deal.Owner, deal.Id, CancellationToken.None))!.Reminder.Parked);
    }

    [Fact]
    public async Task A_user_who_was_reachable_already_leaves_their_deals_alone()
    {
        var deal = await ParkedDealAsync("dana");
        var after = await StoredAsync(Profile("dana"));

        await Arrivals().OnProfileSavedAsync(after, after, CancellationToken.None);

        Assert.Equal(deal.ETag, (await _stores.GetAsync(deal.Owner, deal.Id, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task A_manager_named_in_the_mapping_file_gets_a_digest_schedule_from_their_first_contact()
    {
        _mapping = new ManagerMapping([new KeyValuePair<string, string>("dana", "morgan")]);
        var morgan = await StoredAsync(Profile("morgan"));

        await Arrivals().OnProfileSavedAsync(null, morgan, CancellationToken.None);

        var expected = StalledDeals.NextDigest(_time.GetUtcNow(), morgan.Zone, _options, morgan.Hours);
        Assert.Equal(expected, (await _stores.GetAsync(morgan.Key, CancellationToken.None))!.NextDigestAt);
    }

    [Fact]
    public async Task A_digest_schedule_already_running_is_not_moved()
    {
        _mapping = new ManagerMapping([new KeyValuePair<string, string>("dana", "morgan")]);
        var scheduled = _time.GetUtcNow().AddDays(3);
        var morgan = await StoredAsync(Profile("morgan") with { NextDigestAt = scheduled });

        await Arrivals().OnProfileSavedAsync(morgan, morgan, CancellationToken.None);

        Assert.Equal(scheduled, (await _stores.GetAsync(morgan.Key, CancellationToken.None))!.NextDigestAt);
    }

    [Theory]
    [InlineData(true, "someone-else")]
    [InlineData(false, "morgan")]
    public async Task No_digest_schedule_starts_for_someone_who_manages_nobody_or_when_digests_are_off(bool digests, string managerInFile)
    {
        _mapping = new ManagerMapping([new KeyValuePair<string, string>("dana", managerInFile)]);
        _options.DigestEnabled = digests;
        var morgan = await StoredAsync(Profile("morgan"));

        await Arrivals().OnProfileSavedAsync(null, morgan, CancellationToken.None);

        Assert.Null((await _stores.GetAsync(morgan.Key, CancellationToken.None))!.NextDigestAt);
    }

    [Fact]
    public async Task A_rep_first_seen_is_scheduled_a_weekly_summary_on_monday_at_the_start_of_their_working_hours()
    {
        var dana = await StoredAsync(Profile("dana") with { TimeZoneId = "America/Los_Angeles", WorkingHours = "8-17 mon-fri" });

        await Arrivals().OnProfileSavedAsync(null, dana, CancellationToken.None);

        // Monday 30 Nov, 08:00 in Los Angeles (UTC-8).
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), (await _stores.GetAsync(dana.Key, CancellationToken.None))!.NextSummaryAt);
    }

    [Fact]
    public async Task A_rep_who_turned_the_weekly_summary_off_is_not_scheduled_one()
    {
        var dana = await StoredAsync(Profile("dana") with { WeeklySummary = false });

        await Arrivals().OnProfileSavedAsync(null, dana, CancellationToken.None);

        Assert.Null((await _stores.GetAsync(dana.Key, CancellationToken.None))!.NextSummaryAt);
    }

    [Fact]
    public async Task A_rep_stored_before_weekly_summaries_existed_is_scheduled_one_on_their_next_message()
    {
        // The profile as an older version wrote it: no summary fields at all (WeeklySummary reads as on, NextSummaryAt as none).
        var dana = await StoredAsync(Profile("dana"));
        Assert.Null(dana.NextSummaryAt);

        await Arrivals().OnProfileSavedAsync(dana, dana, CancellationToken.None);

        Assert.NotNull((await _stores.GetAsync(dana.Key, CancellationToken.None))!.NextSummaryAt);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task With_digests_turned_off_only_a_rep_who_asked_for_the_summary_is_scheduled_one(bool askedFor, bool scheduled)
    {
        _options.DigestEnabled = false;
        var dana = await StoredAsync(Profile("dana") with { WeeklySummaryAskedFor = askedFor });

        await Arrivals().OnProfileSavedAsync(null, dana, CancellationToken.None);

        Assert.Equal(scheduled, (await _stores.GetAsync(dana.Key, CancellationToken.None))!.NextSummaryAt is not null);
    }
}
