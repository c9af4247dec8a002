using Microsoft.Bot.Schema;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Insights;

/// <summary>Issue 13 in chat: a rep's forecast, stats, risks and what is due; a manager's team; the process report.</summary>
public sealed class InsightConversationTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private static readonly TestUser Sam = TestUser.Sam;
    private static readonly TestUser Morgan = new("aad-morgan", "Morgan Lee");

    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // Today is Wednesday 25 November 2026 (BotApp's clock), in Berlin.
    private async Task DanaHasContosoClosingInDecemberAsync()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "contoso closes dec 15");
    }

    private async Task MorganManagesDanaAsync()
    {
        await _app.SayAsync(Morgan, "hi");
        Assert.Contains("Morgan Lee is your manager", await _app.TextReplyAsync(Dana, "my manager is Morgan Lee"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_forecast_totals_the_deals_closing_this_quarter_by_category()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await _app.SayAsync(Dana, "new deal Fabrikam 10k");

        var text = await _app.CardTextAsync(Dana, "my forecast");

        // Contoso is in Prospect (5%): pipeline, weighted 2,250. Fabrikam has no close date: listed apart.
        AssertSays(text, "Your forecast", "this quarter (1 Oct – 31 Dec 2026)", "Total", "45,000", "Weighted", "2,250", "Pipeline", "Contoso Ltd", "Needs a close date", "Fabrikam", "no close date");
    }

    [Fact]
    public async Task Putting_a_deal_in_commit_moves_it_in_the_forecast_and_is_said_plainly()
    {
        await DanaHasContosoClosingInDecemberAsync();

        var said = await _app.TextReplyAsync(Dana, "put contoso in commit");
        var text = await _app.CardTextAsync(Dana, "what closes this quarter");

        AssertSays(said, "Contoso Ltd now counts as Commit", "by its stage, Prospect at 5%, it would be Pipeline");
        Assert.DoesNotContain("quarter", said, StringComparison.Ordinal);
        AssertSays(text, "Commit (set by you)", "Commit: $45,000");
    }

    [Fact]
    public async Task Putting_a_deal_closing_in_a_later_quarter_in_commit_says_which_forecast_counts_it()
    {
        await _app.SayAsync(Dana, "new deal Wingtip 20k closing march 3");
        await _app.SayAsync(Dana, "new deal Tailspin 10k");

        AssertSays(await _app.TextReplyAsync(Dana, "put wingtip in commit"), "It closes Wed 3 Mar 2027, so it counts in the forecast of that quarter, not this one's.");
        AssertSays(await _app.TextReplyAsync(Dana, "put tailspin in commit"), "It has no close date, so no quarter's forecast counts it yet");
    }

    [Fact]
    public async Task Stats_year_to_date_compare_with_the_same_days_a_year_before()
    {
        await DanaHasContosoClosingInDecemberAsync();

        var text = await _app.CardTextAsync(Dana, "stats ytd");

        AssertSays(text, "year to date (1 Jan – 25 Nov 2026); before: 1 Jan – 25 Nov 2025");
    }

    [Fact]
    public async Task How_am_I_doing_counts_this_months_activities_with_last_months_beside_them()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await _app.SayAsync(Dana, "called contoso about pricing");

        var text = await _app.CardTextAsync(Dana, "how am I doing this month");

        AssertSays(text, "How you are doing", "this month (1 Nov – 30 Nov 2026)", "Activities: 1: 1 call (before: 0)", "New deals: 1 (before: 0)", "Win rate: n/a (before: n/a)");
        // Nothing won or lost reads as one count, not as "0, 0" (two counts?).
        AssertSays(text, "Won: 0 (before: 0)", "Lost: 0 (before: 0)");
        Assert.DoesNotContain("0, 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deals_at_risk_are_listed_with_their_reasons_and_the_rule()
    {
        await DanaHasContosoClosingInDecemberAsync();

        var text = await _app.CardTextAsync(Dana, "which deals are at risk?");

        AssertSays(text, "Deals at risk", "Ranked by points", "Contoso Ltd · 2 points", "no next step");
    }

    [Fact]
    public async Task A_rep_with_no_open_deals_is_told_so_rather_than_that_every_deal_is_fine()
    {
        var text = await _app.CardTextAsync(Dana, "which deals are at risk?");

        AssertSays(text, "You have no open deals, so none is at risk.");
        Assert.DoesNotContain("every open deal", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_average_won_deal_is_shown_to_the_unit()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd $10k");
        await _app.SayAsync(Dana, "new deal Fabrikam $10k");
        await _app.SayAsync(Dana, "new deal Northwind $8k");
        foreach (var deal in new[] { "contoso", "fabrikam", "northwind" })
        {
            await _app.SayAsync(Dana, $"{deal} won");
        }

        var text = await _app.CardTextAsync(Dana, "how am I doing this month");

        AssertSays(text, "Average won deal: $9,333 (before: n/a)");
    }

    [Fact]
    public async Task What_is_due_this_week_lists_next_steps_by_date()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await _app.SayAsync(Dana, "next step for contoso: send pricing by friday");

        var text = await _app.CardTextAsync(Dana, "what's due this week");

        AssertSays(text, "What's due", "Due (1)", "Contoso Ltd: send pricing", "by Fri 27 Nov 2026");
    }

    [Fact]
    public async Task A_manager_sees_their_team_pipeline_forecast_and_scorecard_with_a_row_per_rep()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await MorganManagesDanaAsync();

        // The totals are exact; the per-rep table's cells are short enough for seven columns at Teams' width.
        var pipeline = await _app.CardTextAsync(Morgan, "team pipeline");
        AssertSays(pipeline, "Team pipeline\n1 rep\n", "Total: $45,000", "Dana Rep", "$45k", "$2.3k");
        Assert.DoesNotContain("1 reps", pipeline, StringComparison.Ordinal);
        AssertSays(await _app.CardTextAsync(Morgan, "team forecast"), "Team forecast", "this quarter", " · 1 rep\n", "Weighted: $2,250", "Dana Rep", "$2.3k", "Quota (won + commit)");
        AssertSays(await _app.CardTextAsync(Morgan, "team stats this quarter"), "Team scorecard", "this quarter", "Dana Rep");
    }

    [Fact]
    public async Task A_manager_reads_one_reps_figures_and_deals_without_buttons_that_change_them()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await MorganManagesDanaAsync();

        AssertSays(await _app.CardTextAsync(Morgan, "how is Dana doing?"), "How Dana Rep is doing", "New deals: 1");
        AssertSays(await _app.CardTextAsync(Morgan, "Dana's deals"), "Dana Rep's pipeline", "Contoso Ltd", "Prospect");
        var deal = SingleCard(await _app.SayAsync(Morgan, "show Dana's Contoso"));
        AssertSays(Text(deal), "Dana Rep's Contoso Ltd", "Read-only", "Tue 15 Dec 2026");
        Assert.Empty(Actions(deal));
    }

    [Fact]
    public async Task A_quota_set_by_the_manager_shows_in_the_reps_forecast_and_the_team_forecast()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await MorganManagesDanaAsync();
        await _app.SayAsync(Dana, "put contoso in commit");

        AssertSays(await _app.TextReplyAsync(Morgan, "Dana's quota is 90k this quarter"), "Dana Rep's quota is $90,000 a quarter");
        AssertSays(await _app.CardTextAsync(Dana, "my forecast"), "Target: $90,000 · won + commit 50%");
        AssertSays(await _app.CardTextAsync(Morgan, "team forecast"), "50% of $90,000");
        AssertSays(await _app.TextReplyAsync(Sam, "Dana's quota is 1k this quarter"), "You don't manage anyone yet");
    }

    [Fact]
    public async Task Someone_who_manages_nobody_is_told_so_and_sees_no_one_elses_figures()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await MorganManagesDanaAsync();

        var answer = await _app.TextReplyAsync(Sam, "how is Dana doing?");

        AssertSays(answer, "You don't manage anyone yet");
        Assert.DoesNotContain("Contoso", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_with_the_same_id_in_another_tenant_has_no_team_there()
    {
        await DanaHasContosoClosingInDecemberAsync();
        await MorganManagesDanaAsync();

        AssertSays(await _app.TextReplyAsync(Morgan with { TenantId = "tenant-fabrikam" }, "team pipeline"), "You don't manage anyone yet");
    }

    [Fact]
    public async Task The_process_report_shows_each_stage_with_its_time_against_the_allowed_time()
    {
        await DanaHasContosoClosingInDecemberAsync();

        var text = await _app.CardTextAsync(Dana, "where do deals stall?");

        AssertSays(text, "Where deals stall", "Findings", "No stage stands out yet", "Consultative", "Prospect", "allowed 2 weeks");
    }
}
