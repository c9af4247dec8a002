using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

/// <summary>Activity targets and quotas against what reps did, on hand-computed examples.</summary>
public sealed class ExpectationTests : IDisposable
{
    private static readonly ActivityTarget _twentyCalls = new(TargetMeasure.Calls, 20);
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static UserProfile Rep(string id = "dana", string? email = "dana@contoso.com", TimeZoneInfo? zone = null) =>
        new() { TenantId = "tenant-1", UserId = id, Email = email, Name = id, TimeZoneId = zone?.Id, FirstSeen = At(1, 1), LastSeen = At(1, 1) };

    private static UserProfile Manager(params ActivityTarget[] targets) => Rep("morgan", "morgan@contoso.com") with { TeamTargets = targets };

    private TargetsFile FileOf(string json)
    {
        var path = Path.Combine(_folder, "targets.json");
        File.WriteAllText(path, json);
        return TargetsFile.Load(path);
    }

    [Fact]
    public void A_weekly_target_expects_its_number_a_week_scaled_to_the_period()
    {
        var week = ReportPeriod.For(PeriodKind.ThisWeek, new DateOnly(2026, 11, 25), TimeZoneInfo.Utc);
        var november = ReportPeriod.For(PeriodKind.ThisMonth, new DateOnly(2026, 11, 25), TimeZoneInfo.Utc);

        Assert.Equal(20m, ActivityTargets.Expected(_twentyCalls, week));
        Assert.Equal(85.7m, ActivityTargets.Expected(_twentyCalls, november)); // 20 × 30 / 7 = 85.71
    }

    [Fact]
    public void Progress_counts_the_targets_kind_in_the_period_and_the_one_before_with_the_trend()
    {
        // Last week (16–22 Nov): 3 calls and an email; the week before: 5 calls. One new deal last week.
        Deal deal = Created(At(11, 17))
            .Did(ActivityKind.Call, new(2026, 11, 16)).Did(ActivityKind.Call, new(2026, 11, 18)).Did(ActivityKind.Call, new(2026, 11, 22)).Did(ActivityKind.Email, new(2026, 11, 18))
            .Did(ActivityKind.Call, new(2026, 11, 9)).Did(ActivityKind.Call, new(2026, 11, 10)).Did(ActivityKind.Call, new(2026, 11, 11)).Did(ActivityKind.Call, new(2026, 11, 12)).Did(ActivityKind.Call, new(2026, 11, 15));
        var lastWeek = ReportPeriod.For(PeriodKind.LastWeek, new DateOnly(2026, 11, 25), TimeZoneInfo.Utc);

        var progress = ActivityTargets.Progress([new ActivityTarget(TargetMeasure.NewDeals, 2), _twentyCalls], [deal], TheProcess, lastWeek, At(11, 25));

        Assert.Equal(TargetMeasure.Calls, progress[0].Target.Measure);
        Assert.Equal((3, 20m, 5, 20m, Trend.Down), (progress[0].Actual, progress[0].Expected, progress[0].PreviousActual, progress[0].PreviousExpected, progress[0].Trend));
        Assert.Equal(0.15m, progress[0].Share);
        Assert.Equal((1, 2m, 0, Trend.Up), (progress[1].Actual, progress[1].Expected, progress[1].PreviousActual, progress[1].Trend));
    }

    [Fact]
    public void A_week_still_running_is_held_to_the_part_gone_by_and_its_trend_is_by_share_not_by_count()
    {
        // Wednesday 25 Nov, 12:00 UTC: 2.5 days of the week (from Monday 23 Nov) have gone by, so 20 calls a week
        // expects 20 × 2.5 / 7 = 7.14 so far. 4 calls so far (57%) against 5 of 20 last week (25%): up, though 4 < 5.
        Deal deal = Created(At(11, 9))
            .Did(ActivityKind.Call, new(2026, 11, 23)).Did(ActivityKind.Call, new(2026, 11, 24)).Did(ActivityKind.Call, new(2026, 11, 24)).Did(ActivityKind.Call, new(2026, 11, 25))
            .Did(ActivityKind.Call, new(2026, 11, 16)).Did(ActivityKind.Call, new(2026, 11, 17)).Did(ActivityKind.Call, new(2026, 11, 18)).Did(ActivityKind.Call, new(2026, 11, 19)).Did(ActivityKind.Call, new(2026, 11, 20));
        var thisWeek = ReportPeriod.For(PeriodKind.ThisWeek, new DateOnly(2026, 11, 25), TimeZoneInfo.Utc);

        var calls = Assert.Single(ActivityTargets.Progress([_twentyCalls], [deal], TheProcess, thisWeek, At(11, 25, hour: 12)));

        Assert.Equal((4, 7.1m, 5, 20m, true), (calls.Actual, calls.Expected, calls.PreviousActual, calls.PreviousExpected, calls.SoFar));
        Assert.Equal(Trend.Up, calls.Trend);
        Assert.Equal(20m, ActivityTargets.ExpectedBy(_twentyCalls, thisWeek, At(12, 1)));
        Assert.Equal(0m, ActivityTargets.ExpectedBy(_twentyCalls, thisWeek, At(11, 20)));
    }

    [Fact]
    public void An_empty_week_is_nothing_of_what_was_expected_and_level_with_an_empty_week_before()
    {
        var row = WeeklyScorecard.For(Rep(), [], TheProcess, At(11, 25), new Expectations(TargetsFile.Empty, ManagerMapping.Empty).For(Rep(), Manager(_twentyCalls)));

        var calls = Assert.Single(row.Targets);
        Assert.Equal((0, 20m, 0, Trend.Level), (calls.Actual, calls.Expected, calls.PreviousActual, calls.Trend));
        Assert.Equal((0, 0), (row.Activities, row.PreviousActivities));
    }

    [Fact]
    public void A_rep_with_no_target_has_no_target_lines_and_keeps_their_own_quota()
    {
        var rep = Rep() with { QuarterlyQuota = new Money(100_000, "USD") };
        Deal won = Created(At(8, 1), 30_000).Won(At(9, 10)); // last quarter: 30% of the quota

        var row = WeeklyScorecard.For(rep, [won], TheProcess, At(11, 25), new Expectations(TargetsFile.Empty, ManagerMapping.Empty).For(rep, manager: null));

        Assert.Empty(row.Targets);
        Assert.Equal((new Money(100_000, "USD"), 0m, 0.3m), (row.Quota!.Value, row.AgainstQuota!.Value, row.LastQuarterAgainstQuota!.Value));
    }

    [Fact]
    public void A_rep_in_utc_minus_8_is_scored_on_their_own_week_at_its_edge()
    {
        // Monday 30 November 05:00 UTC is still Sunday 29 November 21:00 for a rep in Los Angeles: their "last week" is
        // 16–22 November. A deal created at 07:00 UTC on Monday 23 November (23:00 on Sunday the 22nd there) is theirs;
        // one created at 09:00 UTC on the 23rd (01:00 Monday there) is not.
        var rep = Rep(zone: _pacific);
        Deal sunday = Created(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        Deal monday = Created(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var expectations = new Expectations(TargetsFile.Empty, ManagerMapping.Empty).For(rep, Manager(new ActivityTarget(TargetMeasure.NewDeals, 2)));

        var row = WeeklyScorecard.For(rep, [sunday, monday], TheProcess, new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero), expectations);

        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)), (row.Week.Start, row.Week.End));
        Assert.Equal((1, 2m, Trend.Up), (row.Targets[0].Actual, row.Targets[0].Expected, row.Targets[0].Trend));
    }

    [Fact]
    public void What_a_manager_says_overrides_the_targets_file_one_measure_at_a_time_and_a_reps_entry_wins_over_the_team()
    {
        var file = FileOf("""
            { "teams": [ { "manager": "morgan@contoso.com", "quarterlyQuota": "300k USD", "weekly": { "calls": 15, "meetings": 4 } } ],
              "reps": [ { "rep": "dana@contoso.com", "weekly": { "meetings": 6, "newDeals": 1 } } ] }
            """);

        var dana = new Expectations(file, ManagerMapping.Empty).For(Rep(), Manager(_twentyCalls));
        var sam = new Expectations(file, ManagerMapping.Empty).For(Rep("sam", "sam@contoso.com"), Manager());

        Assert.Equal(
            [(TargetMeasure.Calls, 20, ExpectationSource.Chat), (TargetMeasure.Meetings, 6, ExpectationSource.File), (TargetMeasure.NewDeals, 1, ExpectationSource.File)],
            dana.Targets.Select(t => (t.Target.Measure, t.Target.PerWeek, t.Source)));
        Assert.Equal((new Money(300_000, "USD"), ExpectationSource.File), (dana.QuarterlyQuota!.Value, dana.QuotaSource!.Value));
        Assert.Equal([(TargetMeasure.Calls, 15), (TargetMeasure.Meetings, 4)], sam.Targets.Select(t => (t.Target.Measure, t.Target.PerWeek)));
    }

    [Fact]
    public void A_quota_said_in_chat_wins_over_the_file_and_the_managers_file_finds_the_team_of_an_unknown_manager()
    {
        var file = FileOf("""{ "teams": [ { "manager": "morgan@contoso.com", "quarterlyQuota": 300000 } ] }""");
        var mapping = new ManagerMapping([new("dana@contoso.com", "morgan@contoso.com")]);

        var filed = new Expectations(file, mapping).For(Rep(), manager: null);
        var said = new Expectations(file, mapping).For(Rep() with { QuarterlyQuota = new Money(90_000, "EUR") }, manager: null);

        Assert.Equal(new Money(300_000, null), filed.QuarterlyQuota);
        Assert.Equal((new Money(90_000, "EUR"), ExpectationSource.Chat), (said.QuarterlyQuota!.Value, said.QuotaSource!.Value));
    }

    [Theory]
    [InlineData("""{ "teams": [ { "manager": "morgan@contoso.com", "weekly": { "lunches": 3 } } ] }""", "$.teams[0].weekly.lunches (line 1): not a target the bot counts")]
    [InlineData("""{ "teams": [ { "manager": "morgan@contoso.com", "weekly": { "calls": 0 } } ] }""", "$.teams[0].weekly.calls (line 1): must be a whole number from 1 to 1000")]
    [InlineData("""{ "reps": [ { "rep": "dana@contoso.com", "quarterlyQuota": "lots" } ] }""", "$.reps[0].quarterlyQuota (line 1): must be a positive amount")]
    [InlineData("""{ "reps": [ { "weekly": { "calls": 3 } } ] }""", "$.reps[0].rep (line 1): is required")]
    [InlineData("{ \"reps\": [\n  { \"rep\": \"a@b.c\" },\n  { \"rep\": \"A@b.c\" } ] }", "$.reps[1].rep (line 3): 'A@b.c' is listed earlier")]
    [InlineData("{ \"reps\": [\n  { \"rep\": \"a@b.c\",\n    \"weekly\": { \"calls\": 3 },\n    \"quota\": 5 } ] }", "$.reps[0].quota (line 4): unknown field")]
    [InlineData("""{ "managers": [] }""", "$: needs \"teams\"")]
    [InlineData("{ \"teams\": [\n  { \"manager\": \"m\" ,, } ] }", "not valid JSON (line 2)")]
    public void A_bad_targets_file_is_refused_with_the_field_that_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FileOf(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("targets.json", error.Message, StringComparison.Ordinal);
    }
}
