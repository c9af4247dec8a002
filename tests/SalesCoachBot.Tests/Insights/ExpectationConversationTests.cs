using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Insights;

/// <summary>Issue 13's expectations in chat: team targets, the admin's targets file, and the scorecards against them.</summary>
public sealed class ExpectationConversationTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private static readonly TestUser Sam = TestUser.Sam;
    private static readonly TestUser Morgan = new("aad-morgan", "Morgan Lee");

    private readonly string _targetsFile = Path.Combine(Path.GetTempPath(), $"targets-{Guid.NewGuid():N}.json");
    private BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_targetsFile);
    }

    // Today is Wednesday 25 November 2026 (BotApp's clock), in Berlin.
    private async Task MorganManagesDanaWhoCalledContosoAsync()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "called contoso about pricing");
        await _app.SayAsync(Morgan, "hi");
        Assert.Contains("Morgan Lee is your manager", await _app.TextReplyAsync(Dana, "my manager is Morgan Lee"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sets_lists_and_removes_a_team_target()
    {
        await MorganManagesDanaWhoCalledContosoAsync();

        AssertSays(await _app.TextReplyAsync(Morgan, "team target: 20 calls a week per rep"), "Team target set: 20 calls a week for your one rep");
        AssertSays(await _app.TextReplyAsync(Morgan, "team target: 5 meetings a week"), "5 meetings a week");
        AssertSays(await _app.TextReplyAsync(Morgan, "team target: 1 new deal a week"), "Team target set: 1 new deal a week for your one rep");
        AssertSays(await _app.CardTextAsync(Morgan, "team targets"), "Team targets", "Calls", "20 a week (set by you)", "Meetings", "5 a week (set by you)");
        AssertSays(await _app.TextReplyAsync(Morgan, "no team target for calls"), "Removed your team target for calls.");
        var left = await _app.CardTextAsync(Morgan, "team targets");
        Assert.DoesNotContain("Calls", left, StringComparison.Ordinal);
        AssertSays(left, "Meetings");
    }

    [Fact]
    public async Task A_rep_without_a_team_is_told_targets_are_for_managers_and_nothing_is_saved()
    {
        await MorganManagesDanaWhoCalledContosoAsync();

        AssertSays(await _app.TextReplyAsync(Sam, "team target: 20 calls a week per rep"), "Team targets are for managers");
        AssertSays(await _app.TextReplyAsync(Dana, "team targets"), "Team targets are for managers");
    }

    [Fact]
    public async Task A_kind_the_bot_does_not_count_or_a_period_other_than_a_week_gets_a_clear_answer()
    {
        await MorganManagesDanaWhoCalledContosoAsync();

        AssertSays(await _app.TextReplyAsync(Morgan, "team target: 10 lunches a week"), "I can't count \"lunches\" for a target", "calls, meetings, emails, demos");
        AssertSays(await _app.TextReplyAsync(Morgan, "team target: 4 calls a day"), "Team targets are set per week, not per day");
        AssertSays(await _app.TextReplyAsync(Morgan, "team target: 0 calls a week"), "a whole number from 1 to 1,000 a week");
        AssertSays(await _app.CardTextAsync(Morgan, "team targets"), "No weekly targets yet");
    }

    [Fact]
    public async Task Team_stats_and_one_reps_stats_show_each_target_against_expected_with_the_trend()
    {
        await MorganManagesDanaWhoCalledContosoAsync();
        await _app.SayAsync(Morgan, "team target: 5 calls a week per rep");
        await _app.SayAsync(Morgan, "Dana's quota is 90k this quarter");

        // This week Dana made 1 call, and none the week before. It is Wednesday 10:00 in Berlin: 2.4 days of the week have
        // gone by, so 5 a week expects 1.7 so far (the whole week's 5 only once it has ended).
        AssertSays(await _app.CardTextAsync(Morgan, "team stats this week"), "Against targets and quota, this week", "calls 1 of 1.7 so far ↑ up (before 0 of 5)", "quota 0% of $90,000 = level (last quarter 0%)");
        AssertSays(
            await _app.CardTextAsync(Morgan, "how is Dana doing this week?"),
            "Against expectations",
            "Calls (5 a week)",
            "1 of 1.7 expected so far (59%), ↑ up from 0 of 5 the period before",
            "Quota",
            "90,000 a quarter: won + commit this quarter 0%, = level from 0% won last quarter");

        // The rep sees the same, against their own manager's targets.
        AssertSays(await _app.CardTextAsync(Dana, "how am I doing this week"), "Calls (5 a week)", "1 of 1.7 expected so far (59%)");
    }

    [Fact]
    public async Task My_stats_count_next_steps_done_and_done_on_time()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "next step for contoso: send pricing by friday");
        await _app.SayAsync(Dana, "emailed contoso the pricing");

        AssertSays(await _app.CardTextAsync(Dana, "how am I doing this week"), "Next steps set: 1 (before: 0)", "Next steps done: 1, on time 1 of the 1 with a due date (before: 0)");
    }

    [Fact]
    public async Task The_admins_targets_file_applies_until_the_manager_says_otherwise_in_chat()
    {
        await File.WriteAllTextAsync(_targetsFile, """
            { "teams": [ { "manager": "aad-morgan", "quarterlyQuota": "120k", "weekly": { "calls": 15, "demos": 2 } } ] }
            """);
        await _app.DisposeAsync();
        _app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Targets:File"] = _targetsFile });
        await MorganManagesDanaWhoCalledContosoAsync();

        AssertSays(await _app.CardTextAsync(Morgan, "team targets"), "Calls", "15 a week (from the targets file)", "Demos", "2 a week (from the targets file)");
        AssertSays(await _app.CardTextAsync(Morgan, "how is Dana doing this week?"), "Calls (15 a week)", "1 of 5.2 expected so far", "120,000 a quarter (from the targets file)");

        await _app.SayAsync(Morgan, "team target: 20 calls a week");
        AssertSays(await _app.CardTextAsync(Morgan, "team targets"), "20 a week (set by you)", "2 a week (from the targets file)");
        AssertSays(await _app.TextReplyAsync(Morgan, "no team target for calls"), "Removed your team target for calls. The targets file's 15 calls a week applies to your team again.");
    }
}
