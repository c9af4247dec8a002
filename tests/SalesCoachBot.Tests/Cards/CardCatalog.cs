using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Coaching;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Deals;
using SalesCoachBot.Help;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Insights.Export;
using SalesCoachBot.Insights;
using SalesCoachBot.Playbook;
using SalesCoachBot.Reminders;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, built from sample data. Shared as source: the card checks here (the renderer with
/// Teams' host config, and the schema where present) and the renderer test in Chromium in SalesCoachBot.EndToEnd.Tests
/// compile this same file (linked there), so the catalog has one home and neither test project references the other.
/// </summary>
public static class CardCatalog
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly _today = new(2026, 11, 25);
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static SalesProcess Process => _process;

    public static TimeZoneInfo Berlin => _berlin;

    public static Deal Deal(string name, string stage = "proposal", DealStatus status = DealStatus.Open) => new()
    {
        Id = "d-" + name.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        TenantId = "t",
        OwnerId = "u",
        Name = name,
        Amount = new Money(45_000, "USD"),
        ModelId = "consultative",
        StageId = stage,
        StageEnteredAt = _now.AddDays(-20),
        CreatedAt = _now.AddDays(-30),
        UpdatedAt = _now,
        ExpectedClose = new DateOnly(2026, 12, 15),
        NextStep = status == DealStatus.Open ? new NextStep("send *pricing*", new DateOnly(2026, 11, 20), _now) : null,
        Status = status,
        LostReason = status == DealStatus.Lost ? "went with a competitor" : null,
        ClosedAt = status == DealStatus.Open ? null : _now,
        History = [new StageChange(null, "prospect", _now.AddDays(-30), "Dana"), new StageChange("prospect", stage, _now.AddDays(-20), "Dana")],
    };

    // Dana against "20 calls and 2 new deals a week" over November (85.7 and 8.6 expected) and a $300,000 quota.
    private static ExpectationReport Held => new(
        [
            new TargetProgress(new ActivityTarget(TargetMeasure.Calls, 20), 61, 85.7m, 70, 88.6m),
            new TargetProgress(new ActivityTarget(TargetMeasure.NewDeals, 2), 9, 8.6m, 5, 8.9m),
        ],
        new QuotaProgress(new Money(300_000, "USD"), ExpectationSource.File, 0.43m, 0.81m));

    private static ScorecardRow ScorecardWithTargets => new ScorecardRow(Rep, ReportPeriod.For(PeriodKind.LastWeek, _today, _berlin), 23, 1, MoneyTotals.Sum([new Money(50_000, "USD")]), MoneyTotals.Sum([new Money(80_000, "USD")]), new Money(300_000, "USD"), 0.43m)
    {
        PreviousActivities = 17,
        PreviousWon = 1,
        LastQuarterAgainstQuota = 0.81m,
        Targets = [new TargetProgress(new ActivityTarget(TargetMeasure.Calls, 20), 18, 20, 12, 20), new TargetProgress(new ActivityTarget(TargetMeasure.Meetings, 5), 3, 5, 5, 5)],
    };

    private static UserProfile Rep => new() { TenantId = "t", UserId = "u", Name = "Dana <Rep>", FirstSeen = _now, LastSeen = _now };

    private static SellingModel Consultative => _process.FindModel("consultative")!;

    public static DealView View(Deal deal) => DealView.For(deal, _process, _now, _today);

    /// <summary>A rep's 500 open deals, each with the longest name and next step the rules allow: the largest pipeline to page.</summary>
    public static IReadOnlyList<DealView> LargePipeline() =>
        Enumerable.Range(1, 500)
            .Select(i => View(Deal($"{i:000} " + new string('W', DealRules.MaxNameLength - 4)) with
            {
                Id = $"d-{i:000}",
                NextStep = new NextStep(new string('*', DealRules.MaxNextStepLength), new DateOnly(2026, 11, 20), _now),
            }))
            .ToList();

    /// <summary>A deal moved back and forth 300 times through the rules, which keep its stored history to a stated cap.</summary>
    public static Deal MovedOften()
    {
        var actor = new Actor(new string('D', 60), null);
        var deal = Deal("Back And Forth Ltd", "prospect");
        for (var i = 0; i < 300; i++)
        {
            deal = DealRules.MoveTo(deal, Consultative, Consultative.GetStage(i % 2 == 0 ? "qualify" : "prospect")!, _now.AddMinutes(i), actor, ["a criterion"]).Deal!;
        }

        return deal;
    }
    private static ReportPeriod Quarter => ReportPeriod.For(PeriodKind.ThisQuarter, _today, _berlin);

    public static TheoryData<string, AdaptiveCard> All()
    {
        var open = Deal("Contoso Ltd");
        var markup = Deal("[x](https://evil.example) **<b>Acme</b>**");
        return new TheoryData<string, AdaptiveCard>
        {
            { "welcome", WelcomeCard.Build("Dana", _process) },
            { "help", HelpCard.Build(_process) },
            { "not understood", NotUnderstoodCard.Build("flibbertigibbet", null, CommandSuggestions.Default) },
            { "not understood with hint", NotUnderstoodCard.Build("contoso amount lots", "I couldn't read 'lots' as an amount.", CommandSuggestions.For("contoso amount lots")) },
            { "empty message", NotUnderstoodCard.Build(string.Empty, null, CommandSuggestions.Default) },
            { "notice", NoticeCard.Build("That deal is no longer in your pipeline.") },
            { "pick deal", PickDealCard.Build("contoso", [open, Deal("Contoso Pharma", "qualify")], "move contoso to discovery", "act-1", _process) },
            { "deal not found, no deals", DealNotFoundCard.Build("globex", []) },
            { "deal not found", DealNotFoundCard.Build("globex", [open, markup]) },
            { "pipeline", PipelineCard.Build([View(open), View(markup), View(Deal("No amount") with { Amount = null, NextStep = null })], _today) },
            { "empty pipeline", PipelineCard.Build([], _today) },
            { "pipeline of 500 deals, first page", PipelineCard.Build(LargePipeline(), _today) },
            { "pipeline of 500 deals, a middle page", PipelineCard.Build(LargePipeline(), _today, 7) },
            { "pipeline of 500 deals, last page", PipelineCard.Build(LargePipeline(), _today, 34) },
            { "deal moved 300 times", DealCard.Build(View(MovedOften()), "Moved Back And Forth Ltd to Qualify.", _process, _berlin) },
            { "deal", DealCard.Build(View(open), null, _process, _berlin) },
            { "deal with headline", DealCard.Build(View(open), "Moved Contoso Ltd to Proposal.", _process, _berlin) },
            { "won deal", DealCard.Build(View(Deal("Won Co", "closed-won", DealStatus.Won)), "Congratulations!", _process, _berlin) },
            { "lost deal", DealCard.Build(View(Deal("Lost Co", "closed-lost", DealStatus.Lost)), "Closed as lost.", _process, _berlin) },
            { "coaching", CoachingCard.Build(View(open), "Moved Contoso Ltd to Proposal.", ["Skipped: Qualify."], _berlin, _today, "act-1") },
            { "coaching with errors", CoachingCard.Build(View(markup with { DoneActions = [Consultative.GetStage("proposal")!.Actions[0]] }), null, [], _berlin, _today, "act-1", new CoachingInput("", "2020-01-01", "Say what the next step is.", "In the past.")) },
            { "coaching at the last open stage", CoachingCard.Build(View(Deal("Late Co", "negotiation")), null, [], _berlin, _today, null) },
            { "reminder asked for", CoachingCard.Build(View(markup with { AskedReminder = new AskedReminder(_today.AddDays(2), "send the **pricing**", _now) }), null, ["You asked to be reminded about [x](https://evil.example): send the **pricing**."], _berlin, _today, "act-1", askedReminder: true) },
            { "deal with a reminder asked for", DealCard.Build(View(open with { AskedReminder = new AskedReminder(_today.AddDays(2), "send the [pricing](https://evil.example)", _now) }), null, _process, _berlin) },
            { "exit check", ExitCheckCard.Build(open, ExitCheck.For(Consultative, Consultative.GetStage("prospect")!, Consultative.GetStage("proposal")!)!, new HashSet<string> { "prospect-0" }, null, "act-1") },
            { "exit check refused", ExitCheckCard.Build(markup, ExitCheck.For(Consultative, Consultative.GetStage("discovery")!, Consultative.GetStage("proposal")!)!, new HashSet<string>(), "Discovery needs every exit criterion.", "act-1") },
            { "delete deal", DeleteDealCard.Build(View(markup), "act-1") },
            { "delete closed deal", DeleteDealCard.Build(View(Deal("Won Co", "closed-won", DealStatus.Won)), "act-1") },
            { "duplicate deal", DuplicateDealCard.Build(View(markup), "new deal [x](https://evil.example) 10k", "act-1") },
            { "rename collision", RenameCollisionCard.Build(View(markup), View(Deal("Contoso Ltd", "qualify") with { Amount = null }), "[x](https://evil.example) Contoso", "act-1") },
            { "rename collision, other name refused", RenameCollisionCard.Build(View(Deal(new string('W', DealRules.MaxNameLength))), View(Deal(new string('V', DealRules.MaxNameLength))), new string('V', DealRules.MaxNameLength), "act-1", new string('W', DealRules.MaxNameLength + 40), "You also have an open deal called " + new string('V', DealRules.MaxNameLength) + ". Nothing was renamed; try a name that tells them apart.") },
            { "process map with picture", ProcessMapCard.Build(_process, Consultative, new Uri("https://bot.example/playbook/process-map/consultative.png")) },
            { "process map with inline picture", ProcessMapCard.Build(_process, _process.FindModel("transactional")!, new Uri(ProcessMapImage.DataUri([137, 80, 78, 71]))) },
            { "process map without picture", ProcessMapCard.Build(_process, _process.FindModel("enterprise")!, null) },
            { "stage guide", StageGuideCard.Build(Consultative, Consultative.GetStage("discovery")!, StageTopic.Actions, null) },
            { "stage guide exit criteria", StageGuideCard.Build(Consultative, Consultative.GetStage("qualify")!, StageTopic.ExitCriteria, "Qualify is a stage of the Consultative process.") },
            { "stage guide closed stage", StageGuideCard.Build(Consultative, Consultative.GetStage("closed-won")!, StageTopic.Timing, null) },
            { "tools", ToolsCard.Build("Tools for a demo", Consultative.Stages.SelectMany(st => st.Tools.Select(t => (st, t))).Take(4).ToList()) },
            { "definition", DefinitionCard.Build("Qualified prospect", "From our glossary", "A prospect that meets our criteria.", ["Also called: SQL"]) },
            { "tour first", TourCard.Build(Consultative, 0) },
            { "tour middle", TourCard.Build(Consultative, 2) },
            { "tour last", TourCard.Build(Consultative, Consultative.Stages.Count - 1) },
            { "reminder list", ReminderListCard.Build([new DueReminder(open, Rung.FirstReminder, new OverAllowedTime("Proposal", TimeSpan.FromDays(14), TimeSpan.FromDays(3))), new DueReminder(markup, Rung.SecondReminder, new NextStepOverdue("call", new DateOnly(2026, 11, 20)))], _process, _today) },
            { "manager nudge", ManagerNudgeCard.Build(View(open), Rep, "it has been in Proposal 2 weeks plus 9 days") },
            { "stalled deals", StalledDealsCard.Build("Your team's stalled deals", [new StalledDeal(Rep, View(open)), new StalledDeal(Rep with { UserId = "u2", Name = "Sam" }, View(markup))]) },
            { "weekly digest with scorecard", StalledDealsCard.Build("Weekly digest: your team's stalled deals", [new StalledDeal(Rep, View(open))], [new ScorecardRow(Rep, ReportPeriod.For(PeriodKind.LastWeek, _today, _berlin), 12, 2, MoneyTotals.Sum([new Money(50_000, "USD"), new Money(10_000, "EUR")]), MoneyTotals.Sum([new Money(80_000, "USD")]), new Money(300_000, "USD"), 0.43m), new ScorecardRow(Rep with { UserId = "u2", Name = "Sam <b>" }, ReportPeriod.For(PeriodKind.LastWeek, _today, _berlin), 0, 0, MoneyTotals.Sum([]), MoneyTotals.Sum([]), null, null)]) },
            { "weekly summary", WeeklySummaryCard.Build(new ScorecardRow(Rep, ReportPeriod.For(PeriodKind.LastWeek, _today, _berlin), 12, 2, MoneyTotals.Sum([new Money(50_000, "USD")]), MoneyTotals.Sum([new Money(80_000, "USD")]), new Money(300_000, "USD"), 0.43m)) },
            { "no stalled deals", StalledDealsCard.Build("Your stalled deals", []) },
            { "pipeline chart", PipelineChartCard.Build(PipelineChartHandler.Funnel([open, markup, Deal("Fabrikam", "prospect"), Deal("Tailspin", "qualify")], _process), new Uri("https://bot.example/charts/CfDJ8-sealed.png")) },
            { "export my deals", ExportCard.Build(ExportScope.MyDeals, 12, 0, new Uri("https://bot.example/export/CfDJ8-sealed.csv")) },
            { "export team pipeline", ExportCard.Build(ExportScope.TeamPipeline, 41, 6, new Uri("https://bot.example/export/CfDJ8-sealed.csv")) },
            { "forecast", ForecastCard.Build("Your forecast", Forecast.For([open, markup with { ForecastOverride = ForecastCategory.Commit }, Deal("Undated") with { ExpectedClose = null }], _process, Quarter, _today, new Money(200_000, "USD"))) },
            { "forecast with chart", ForecastCard.Build("Your forecast", Forecast.For([open], _process, Quarter, _today), new Uri("https://bot.example/charts/9f2c.png")) },
            { "empty forecast", ForecastCard.Build("Your forecast", Forecast.For([], _process, Quarter, _today)) },
            { "stats", StatsCard.Build("How you are doing", RepStats.For([open, markup, Deal("Won Co", "closed-won", DealStatus.Won), Deal("Lost Co", "closed-lost", DealStatus.Lost)], _process, Quarter, _now)) },
            { "stats with chart", StatsCard.Build("How you are doing", RepStats.For([open, markup], _process, Quarter, _now), new Uri("https://bot.example/charts/CfDJ8-trend.png")) },
            { "team with chart", TeamCard.Build("Team pipeline", "2 reps", ["Rep", "Open"], [new TeamRow("Dana <Rep>", ["2"]), new TeamRow("Sam", ["1"])], [("Open deals", "3")], new Uri("https://bot.example/charts/CfDJ8-funnel.png")) },
            { "process report with chart", ProcessReportCard.Build("your deals", ProcessReport.For([open, markup], _process, _now), new Uri("https://bot.example/charts/CfDJ8-stage-time.png")) },
            { "stats, nothing yet", StatsCard.Build("How you are doing", RepStats.For([], _process, Quarter, _now)) },
            { "at risk", AtRiskCard.Build(RiskRule.Default.Rank([open, markup with { NextStep = null }], _process, _now, _today), 2) },
            { "nothing at risk", AtRiskCard.Build([], 2) },
            { "at risk, no open deals", AtRiskCard.Build([], 0) },
            { "due", DueCard.Build(ReportPeriod.For(PeriodKind.ThisWeek, _today, _berlin), [View(open)], [View(markup with { NextStep = new NextStep("send *pricing*", new DateOnly(2026, 11, 27), _now) })]) },
            { "nothing due", DueCard.Build(ReportPeriod.For(PeriodKind.ThisWeek, _today, _berlin), [], []) },
            { "team", TeamCard.Build("Team forecast", "this quarter · 2 reps", ["Rep", "Won", "Commit", "Best case", "Weighted", "To fix"], [new TeamRow("Dana <Rep>", ["$10,000", "$45,000", "0", "$33,750", "1"]), new TeamRow("Sam", ["0", "0", "$5,000", "$2,500", "0"])], [("Commit", "$45,000"), ("Weighted", "$36,250")]) },
            { "no team", TeamCard.Build("Team pipeline", "0 reps", ["Rep", "Open"], [], [("Open deals", "0")]) },
            { "process report", ProcessReportCard.Build("your team's and your deals", ProcessReport.For([open, markup, Deal("Won Co", "closed-won", DealStatus.Won)], _process, _now)) },
            { "empty process report", ProcessReportCard.Build("your deals", ProcessReport.For([], _process, _now)) },
            { "rep deals", RepDealsCard.Build("Dana <Rep>", [View(open), View(markup)]) },
            { "rep deal", RepDealsCard.BuildDeal("Dana <Rep>", View(open), _berlin) },
            { "team targets", TeamTargetsCard.Build([new SetTarget(new ActivityTarget(TargetMeasure.Calls, 20), ExpectationSource.Chat), new SetTarget(new ActivityTarget(TargetMeasure.Meetings, 5), ExpectationSource.File), new SetTarget(new ActivityTarget(TargetMeasure.NewDeals, 2), ExpectationSource.Chat)], 6) },
            { "no team targets", TeamTargetsCard.Build([], 1) },
            { "stats against expectations", StatsCard.Build("How Dana <Rep> is doing", RepStats.For([open, markup], _process, ReportPeriod.For(PeriodKind.ThisMonth, _today, _berlin), _now), new Uri("https://bot.example/charts/CfDJ8-trend.png"), Held) },
            { "team scorecard against targets", TeamCard.Build("Team scorecard", "this month · 2 reps", ["Rep", "Activities", "Won", "Win rate", "Stalled"], [new TeamRow("Dana <Rep>", ["14 (before: 9)", "1, $45,000", "50% (before: n/a)", "1"]), new TeamRow("Sam", ["0 (before: 3)", "0", "n/a (before: 0%)", "0"])], [("Activities", "14 (before: 12)")], new Uri("https://bot.example/charts/CfDJ8-trend.png"), new TeamSection("Against targets and quota, this month (1 Nov – 30 Nov 2026)", [("Dana <Rep>", ExpectationText.ShortExpectations(Held)), ("Sam", "none set")])) },
            { "weekly digest with targets", StalledDealsCard.Build("Weekly digest: your team's stalled deals", [new StalledDeal(Rep, View(open))], [ScorecardWithTargets, ScorecardWithTargets with { Rep = Rep with { UserId = "u2", Name = "Sam" }, Targets = [] }]) },
            { "weekly summary with targets", WeeklySummaryCard.Build(ScorecardWithTargets) },
        };
    }
}
