using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights;

/// <summary>
/// Questions about results: a rep's forecast, stats, deals at risk and what is due; a manager's team (pipeline,
/// forecast, stats, one rep's figures and deals, read-only); the process report; a deal's forecast category.
/// A rep sees only their own deals, a manager only their team's, and nothing crosses tenants (every read is scoped to
/// the asker's tenant and to one owner).
/// </summary>
public sealed partial class InsightCommandHandler(
    IDealStore deals,
    IUserProfileStore profiles,
    TeamReader team,
    Expectations expectations,
    DealResolver resolver,
    DealUpdater updater,
    IChartLinks charts,
    ILogger<InsightCommandHandler> logger)
{
    public async Task<BotReply> AskAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return command.Kind switch
        {
            InsightKind.Forecast => await ForecastAsync(command, context, cancellationToken).ConfigureAwait(false),
            InsightKind.Stats => await StatsAsync(command, context, cancellationToken).ConfigureAwait(false),
            InsightKind.AtRisk => await AtRiskAsync(context, cancellationToken).ConfigureAwait(false),
            InsightKind.Due => await DueAsync(command, context, cancellationToken).ConfigureAwait(false),
            InsightKind.TeamPipeline => await TeamPipelineAsync(context, cancellationToken).ConfigureAwait(false),
            InsightKind.TeamForecast => await TeamForecastAsync(command, context, cancellationToken).ConfigureAwait(false),
            InsightKind.TeamStats => await TeamStatsAsync(command, context, cancellationToken).ConfigureAwait(false),
            _ => await RepStatsAsync(command, context, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task<BotReply> ProcessReportAsync(ShowProcessReport command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        var all = (await ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false)).ToList();
        foreach (var rep in await team.DealsOfAsync(reps, includeClosed: true, cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(rep.Deals);
        }

        var model = command.ModelId is null ? null : context.Process.FindModel(command.ModelId);
        if (model is not null)
        {
            all = all.Where(d => context.Process.ModelOrDefault(d.ModelId).Id == model.Id).ToList();
        }

        var scope = (reps.Count > 0 ? "your team's and your deals" : "your deals") + (model is null ? string.Empty : $", {model.Name}");
        var report = ProcessReport.For(all, context.Process, context.Now);
        LogAnswer("process report", all.Count);
        return BotReply.Card(ProcessReportCard.Summary(scope, report), ProcessReportCard.Build(scope, report, Picture(InsightCharts.StageTime(report), context)));
    }

    public Task<BotReply> SetCategoryAsync(SetForecastCategory command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return resolver.OnDealAsync(context, command.DealPhrase, includeClosed: true, async deal =>
        {
            var outcome = await updater.UpdateAsync(
                deal,
                context.Actor.ActivityId,
                current => ForecastOverride.Put(current, command.Category, context.Now, context.Actor),
                cancellationToken).ConfigureAwait(false);
            if (outcome.Status != UpdateStatus.Applied)
            {
                return DealReplies.NotApplied(outcome, context);
            }

            var stage = context.Process.ModelOrDefault(deal.ModelId).GetStage(deal.StageId) ?? context.Process.ModelOrDefault(deal.ModelId).FirstStage;
            var byStage = context.Process.Forecast.CategoryOf(stage.WinProbability);
            return BotReply.Plain((command.Category is { } category
                ? $"{deal.Name} now counts as {InsightText.Category(category)} in your forecast (by its stage, {stage.Name} at {InsightText.Percent(stage.WinProbability)}, it would be {InsightText.Category(byStage)}). Say \"take {deal.Name} out of {InsightText.Category(category).ToLowerInvariant()}\" to undo."
                : $"{deal.Name} counts by its stage again: {InsightText.Category(byStage)} ({stage.Name} at {InsightText.Percent(stage.WinProbability)}).")
                + WhichQuarter(outcome.Deal!, context));
        }, cancellationToken);
    }

    /// <summary>
    /// Where the deal counts: "my forecast" is this quarter's, so a deal closing later, or with no close date, would
    /// seem to have been ignored (review: "put wingtip in commit", then "Commit: 0").
    /// </summary>
    private static string WhichQuarter(Deal deal, CommandContext context)
    {
        if (!deal.IsOpen)
        {
            return string.Empty;
        }

        if (deal.ExpectedClose is not { } close)
        {
            return $" It has no close date, so no quarter's forecast counts it yet: say \"{deal.Name} closes <date>\".";
        }

        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, context.Today, context.TimeZone, context.Process.FiscalYearStartMonth);
        return close < context.Today ? $" Its close date, {UserFormat.Date(close)}, has passed, so no forecast counts it: say \"{deal.Name} closes <date>\"."
            : quarter.Contains(close) ? string.Empty
            : $" It closes {UserFormat.Date(close)}, so it counts in the forecast of that quarter, not this one's.";
    }

    public async Task<BotReply> RepDealsAsync(ShowRepDeals command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (rep, refusal) = await RepOfTeamAsync(command.RepPhrase, context, cancellationToken).ConfigureAwait(false);
        if (rep is null)
        {
            return refusal!;
        }

        var name = TeamCard.RepName(rep);
        var today = context.Today;
        if (command.DealPhrase is not { } phrase)
        {
            var open = (await deals.ListAsync(rep.Key, includeClosed: false, cancellationToken).ConfigureAwait(false))
                .Select(d => DealView.For(d, context.Process, context.Now, today)).ToList();
            return BotReply.Card(RepDealsCard.Summary(name, open), RepDealsCard.Build(name, open));
        }

        var theirs = await deals.ListAsync(rep.Key, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var matches = DealNameMatcher.Match(phrase, theirs, d => d.Name).Matches;
        if (matches.Count != 1)
        {
            return BotReply.Plain(matches.Count == 0
                ? $"{name} has no deal called \"{phrase}\". Say \"{name}'s deals\" to see their pipeline."
                : $"{name} has several deals like \"{phrase}\": {string.Join(", ", matches.Select(d => d.Name))}. Say which one.");
        }

        var view = DealView.For(matches[0], context.Process, context.Now, today);
        return BotReply.Card(RepDealsCard.DealSummary(name, view), RepDealsCard.BuildDeal(name, view, context.TimeZone));
    }

    public async Task<BotReply> SetQuotaAsync(SetQuota command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var whose = context.Owner;
        var name = "Your";
        if (command.RepPhrase is { } phrase)
        {
            var (rep, refusal) = await RepOfTeamAsync(phrase, context, cancellationToken).ConfigureAwait(false);
            if (rep is null)
            {
                return refusal!;
            }

            whose = rep.Key;
            name = TeamCard.RepName(rep) + "'s";
        }

        // A quota without a currency takes the rep's, so it counts against their deals: their open deals' currency, or,
        // with none open, the one their deals share (a quota counts the won ones too), else the company's.
        var theirs = await deals.ListAsync(whose, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var usual = DealRules.UsualCurrency(theirs.Where(d => d.IsOpen)) ?? DealRules.UsualCurrency(theirs) ?? context.Process.Currency;
        QuotaChange? change = null;
        var saved = await profiles.UpdateAsync(whose, p =>
        {
            change = p is null ? null : QuotaRules.Set(p, command.Amount, context.Owner.UserId, usual);
            return change?.Profile;
        }, cancellationToken).ConfigureAwait(false);
        if (change is { KeptSetBy: { } setBy })
        {
            var kept = await profiles.GetAsync(whose, cancellationToken).ConfigureAwait(false);
            var setter = await profiles.GetAsync(new OwnerKey(whose.TenantId, setBy), cancellationToken).ConfigureAwait(false);
            return BotReply.Plain(ExpectationText.QuotaKept(kept?.QuarterlyQuota, setter is null ? null : TeamCard.RepName(setter)));
        }

        return BotReply.Plain(saved && change?.Profile?.QuarterlyQuota is { } quota
            ? $"{name} quota is {quota.Format()} a quarter. Forecasts of a quarter show won + commit against it."
            : "I couldn't save that just now; please try again.");
    }

    /// <summary>"what's my quota", "what's Megan's quota": the quota, who set it, and won + commit against it this quarter.</summary>
    public async Task<BotReply> QuotaAsync(AskQuota command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        UserProfile? rep;
        if (command.RepPhrase is { } phrase)
        {
            (rep, var refusal) = await RepOfTeamAsync(phrase, context, cancellationToken).ConfigureAwait(false);
            if (rep is null)
            {
                return refusal!;
            }
        }
        else
        {
            rep = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        }

        var whose = command.RepPhrase is null ? null : TeamCard.RepName(rep!);
        if (rep?.QuarterlyQuota is not { } quota)
        {
            return BotReply.Plain(ExpectationText.NoQuota(whose));
        }

        var period = PeriodOf(PeriodKind.ThisQuarter, context);
        var theirs = await deals.ListAsync(rep.Key, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var forecast = Forecast.For(theirs, context.Process, period, context.Today, quota);
        var setBy = QuotaRules.SetBy(rep) is { } id && id != context.Owner.UserId
            ? await profiles.GetAsync(new OwnerKey(rep.TenantId, id), cancellationToken).ConfigureAwait(false) is { } setter ? TeamCard.RepName(setter) : "someone else"
            : null;
        var wonAndCommit = new Money(forecast.WonInPeriod.In(quota.Currency) + forecast.Commit.In(quota.Currency), quota.Currency);
        return BotReply.Plain(ExpectationText.QuotaAnswer(whose, quota, setBy, wonAndCommit, forecast.CommitAndWonAgainstTarget));
    }

    private async Task<BotReply> ForecastAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        var period = PeriodOf(command, PeriodKind.ThisQuarter, context);
        var mine = await ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var me = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        var report = Forecast.For(mine, context.Process, period, context.Today, QuotaFor(me, period));
        return BotReply.Card(ForecastCard.Summary("Your forecast", report), ForecastCard.Build("Your forecast", report, Picture(InsightCharts.Forecast("Your forecast", report), context)));
    }

    private async Task<BotReply> StatsAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        var period = PeriodOf(command, PeriodKind.ThisMonth, context);
        var mine = await ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var report = RepStats.For(mine, context.Process, period, context.Now);
        var me = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        var held = me is null ? ExpectationReport.None
            : ExpectationReport.For(expectations.For(me, await ManagerOfAsync(me, cancellationToken).ConfigureAwait(false)), mine, context.Process, period, context.Now);
        var trend = InsightCharts.Trend("Your win rate and activities", mine, context.Process, context.Now, context.TimeZone);
        return BotReply.Card(StatsCard.Summary("How you are doing", report, held), StatsCard.Build("How you are doing", report, Picture(trend, context), held));
    }

    private async Task<BotReply> AtRiskAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var open = await ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var ranked = RiskRule.Default.Rank(open, context.Process, context.Now, context.Today);
        return BotReply.Card(AtRiskCard.Summary(ranked, open.Count), AtRiskCard.Build(ranked, open.Count));
    }

    private async Task<BotReply> DueAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        var period = PeriodOf(command, PeriodKind.ThisWeek, context);
        var open = (await ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false))
            .Where(d => d.NextStep?.Due is not null)
            .Select(d => DealView.For(d, context.Process, context.Now, context.Today))
            .OrderBy(v => v.Deal.NextStep!.Due)
            .ToList();
        var overdue = open.Where(v => v.IsNextStepOverdue).ToList();
        var due = open.Where(v => !v.IsNextStepOverdue && period.Contains(v.Deal.NextStep!.Due!.Value)).ToList();
        return BotReply.Card(DueCard.Summary(period, overdue, due), DueCard.Build(period, overdue, due));
    }

    private async Task<BotReply> TeamPipelineAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return NoTeam();
        }

        var read = await team.DealsOfAsync(reps, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var rows = new List<TeamRow>();
        foreach (var rep in read)
        {
            var views = rep.Deals.Select(d => DealView.For(d, context.Process, context.Now, context.Today)).ToList();
            rows.Add(new TeamRow(TeamCard.RepName(rep.Rep), [views.Count.ToString(UserFormat.Culture), InsightText.CellMoney(Total(rep.Deals, weighted: false, context)), InsightText.CellMoney(Total(rep.Deals, weighted: true, context)), views.Count(v => v.IsStalled(context.Now)).ToString(UserFormat.Culture)]));
        }

        var all = read.SelectMany(r => r.Deals).ToList();
        (string, string)[] totals = [("Open deals", all.Count.ToString(UserFormat.Culture)), ("Total", InsightText.Money(Total(all, weighted: false, context))), ("Weighted", InsightText.Money(Total(all, weighted: true, context)))];
        string[] headers = ["Rep", "Open", "Total", "Weighted", "Stalled"];
        LogAnswer("team pipeline", all.Count);
        var funnel = all.Count == 0 ? null : PipelineChartHandler.Funnel(all, context.Process) with { Title = "Team pipeline by stage" };
        return BotReply.Card(TeamCard.Summary("Team pipeline", InsightText.Reps(reps.Count), headers, rows, totals), TeamCard.Build("Team pipeline", InsightText.Reps(reps.Count), headers, rows, totals, Picture(funnel, context)));
    }

    private async Task<BotReply> TeamForecastAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return NoTeam();
        }

        var period = PeriodOf(command, PeriodKind.ThisQuarter, context);
        // Each rep's forecast counted as their deals are read; the team's is theirs combined (no second pass over the deals).
        var perRep = await team.TallyEachAsync(reps, period.StartsAt, _ => new ForecastTally(context.Process, period, context.Today), cancellationToken).ConfigureAwait(false);
        var forecasts = perRep.Select((tally, i) => tally.Report(QuotaFor(reps[i], period))).ToList();
        var rows = forecasts.Select((forecast, i) =>
        {
            var quota = forecast.Target is { } target ? $"{InsightText.Percent(forecast.CommitAndWonAgainstTarget)} of {UserFormat.ShortMoney(target)}" : "none";
            return new TeamRow(TeamCard.RepName(reps[i]), [InsightText.CellMoney(forecast.WonInPeriod), InsightText.CellMoney(forecast.Commit), InsightText.CellMoney(forecast.BestCase), InsightText.CellMoney(forecast.Weighted), quota, forecast.NeedsFixing.Count.ToString(UserFormat.Culture)]);
        }).ToList();
        var quotas = reps.Select(r => QuotaFor(r, period)).ToList();
        var teamTarget = quotas.Count > 0 && quotas.All(q => q is not null) && quotas.Select(q => q!.Value.Currency).Distinct().Count() == 1
            ? new Money(quotas.Sum(q => q!.Value.Amount), quotas[0]!.Value.Currency)
            : (Money?)null;
        var whole = Forecast.Combine(forecasts, period, teamTarget);
        (string, string)[] totals =
        [
            ("Won so far", InsightText.Money(whole.WonInPeriod)), ("Commit", InsightText.Money(whole.Commit)), ("Best case", InsightText.Money(whole.BestCase)),
            ("Pipeline", InsightText.Money(whole.Pipeline)), ("Weighted", InsightText.Money(whole.Weighted)), ("Need a close date", whole.NeedsFixing.Count.ToString(UserFormat.Culture)),
        ];
        string[] headers = ["Rep", "Won", "Commit", "Best case", "Weighted", "Quota (won + commit)", "To fix"];
        var subtitle = $"{InsightText.Period(period)} · {InsightText.Reps(reps.Count)}";
        if (teamTarget is { } sum)
        {
            totals = [.. totals, ("Won + commit vs the reps' quotas", $"{InsightText.Percent(whole.CommitAndWonAgainstTarget)} of {sum.Format()}")];
        }

        LogAnswer("team forecast", perRep.Sum(r => r.Deals));
        var chart = Picture(InsightCharts.Forecast("Team forecast", whole), context);
        return BotReply.Card(TeamCard.Summary("Team forecast", subtitle, headers, rows, totals), TeamCard.Build("Team forecast", subtitle, headers, rows, totals, chart));
    }

    private async Task<BotReply> TeamStatsAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return NoTeam();
        }

        var period = PeriodOf(command, PeriodKind.ThisMonth, context);
        // Read far enough back for the period before this one and for the weekly trend.
        var manager = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        var expected = reps.Select(rep => expectations.For(rep, manager)).ToList();
        var expectedOf = reps.Select((rep, i) => (rep.UserId, Expected: expected[i])).ToDictionary(e => e.UserId, e => e.Expected, StringComparer.Ordinal);
        var weeks = InsightCharts.Weeks(context.Now, context.TimeZone);
        var starts = new List<DateTimeOffset> { period.Previous().StartsAt, weeks[0].StartsAt };
        if (expected.Any(e => e.QuarterlyQuota is not null))
        {
            // Last quarter's wins too, for the quota's trend (only when someone has a quota: it reads further back).
            starts.Add(PeriodOf(PeriodKind.ThisQuarter, context).Previous().StartsAt);
        }

        // Every figure of the card (each rep's, the team's, the weeks of the trend, a quota's quarters) counted in one pass
        // over each deal as it is read; only the counts are kept.
        var quarters = ExpectationReport.QuotaQuarters(period, context.Now, context.Process.FiscalYearStartMonth);
        var perRep = await team.TallyEachAsync(
            reps,
            starts.Min(),
            rep => new RepStatsTally(
                TeamStats.Start(context.Process, period, weeks, context.Now),
                expectedOf[rep.UserId].QuarterlyQuota is null ? null : new ForecastTally(context.Process, quarters.This, period.LocalDay(context.Now)),
                expectedOf[rep.UserId].QuarterlyQuota is null ? null : new ForecastTally(context.Process, quarters.Last, period.LocalDay(context.Now))),
            cancellationToken).ConfigureAwait(false);
        var figures = TeamStats.Sum(perRep.Select(r => r.Stats).ToList(), period, weeks);
        var held = perRep.Select((tally, i) => ExpectationReport.For(
            expected[i],
            figures.Reps[i],
            context.Process,
            context.Now,
            quarter => (quarter == quarters.This ? tally.ThisQuarter : tally.LastQuarter)!.Report(expected[i].QuarterlyQuota))).ToList();
        var rows = reps.Select((rep, i) =>
        {
            var stats = figures.Reps[i];
            return new TeamRow(TeamCard.RepName(rep),
            [
                InsightText.WithPrevious(stats.Current.ActivityCount.ToString(UserFormat.Culture), stats.Previous.ActivityCount.ToString(UserFormat.Culture)),
                InsightText.CountAndMoney(stats.Current.Won, stats.Current.WonAmount),
                InsightText.WithPrevious(InsightText.Percent(stats.Current.WinRate), InsightText.Percent(stats.Previous.WinRate)),
                stats.Stalled.ToString(UserFormat.Culture),
            ]);
        }).ToList();
        var against = held.Any(h => !h.IsEmpty)
            ? new TeamSection($"Against targets and quota, {InsightText.Period(period)}", reps.Select((rep, i) => (TeamCard.RepName(rep), ExpectationText.ShortExpectations(held[i]))).ToList())
            : null;
        var whole = figures.Team;
        (string, string)[] totals =
        [
            ("Activities", InsightText.WithPrevious(whole.Current.ActivityCount.ToString(UserFormat.Culture), whole.Previous.ActivityCount.ToString(UserFormat.Culture))),
            ("Won", InsightText.WithPrevious(InsightText.CountAndMoney(whole.Current.Won, whole.Current.WonAmount), InsightText.CountAndMoney(whole.Previous.Won, whole.Previous.WonAmount))),
            ("Win rate", InsightText.WithPrevious(InsightText.Percent(whole.Current.WinRate), InsightText.Percent(whole.Previous.WinRate))),
            ("Stalled now", whole.Stalled.ToString(UserFormat.Culture)),
        ];
        string[] headers = ["Rep", "Activities", "Won", "Win rate", "Stalled"];
        var subtitle = $"{InsightText.Period(period)} · {InsightText.Reps(reps.Count)}";
        LogAnswer("team stats", perRep.Sum(r => r.Stats.Deals));
        var trend = InsightCharts.Trend("Team win rate and activities", figures.Weeks);
        return BotReply.Card(TeamCard.Summary("Team scorecard", subtitle, headers, rows, totals, against), TeamCard.Build("Team scorecard", subtitle, headers, rows, totals, Picture(trend, context), against));
    }

    private async Task<BotReply> RepStatsAsync(AskInsight command, CommandContext context, CancellationToken cancellationToken)
    {
        var (rep, refusal) = await RepOfTeamAsync(command.RepPhrase ?? string.Empty, context, cancellationToken).ConfigureAwait(false);
        if (rep is null)
        {
            return refusal!;
        }

        var period = PeriodOf(command, PeriodKind.ThisMonth, context);
        var theirs = await deals.ListAsync(rep.Key, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var report = RepStats.For(theirs, context.Process, period, context.Now);
        var manager = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        var held = ExpectationReport.For(expectations.For(rep, manager), theirs, context.Process, period, context.Now);
        var title = $"How {TeamCard.RepName(rep)} is doing";
        var trend = InsightCharts.Trend($"{TeamCard.RepName(rep)}: win rate and activities", theirs, context.Process, context.Now, context.TimeZone);
        return BotReply.Card(StatsCard.Summary(title, report, held), StatsCard.Build(title, report, Picture(trend, context), held));
    }

    /// <summary>The rep a manager names, among their own team only; otherwise the answer to give.</summary>
    private async Task<(UserProfile? Rep, BotReply? Refusal)> RepOfTeamAsync(string phrase, CommandContext context, CancellationToken cancellationToken)
    {
        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return (null, NoTeam());
        }

        var found = TeamReader.Find(phrase, reps);
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, BotReply.Plain($"\"{phrase}\" isn't on your team. Your team: {string.Join(", ", reps.Select(TeamCard.RepName))}.")),
            _ => (null, BotReply.Plain($"Several people on your team match \"{phrase}\": {string.Join(", ", found.Select(TeamCard.RepName))}. Say the full name.")),
        };
    }

    /// <summary>The manager the rep named ("my manager is …"), whose team targets apply to them; the managers file is matched by name instead.</summary>
    private async Task<UserProfile?> ManagerOfAsync(UserProfile rep, CancellationToken cancellationToken) =>
        rep.ManagerUserId is { } id ? await profiles.GetAsync(new OwnerKey(rep.TenantId, id), cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The chart's signed link, made for the asker; none when there is nothing to draw.</summary>
    private Uri? Picture(ChartData? chart, CommandContext context) => chart is null ? null : charts.PictureFor(chart, context.Owner);

    private static BotReply NoTeam() => BotReply.Plain(
        "You don't manage anyone yet, so there is no team to show. Your reps join your team when they say \"my manager is\" and your name, or when an admin lists them in the managers file. For your own figures, ask \"how am I doing\" or \"my forecast\".");

    private Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken) =>
        deals.ListAsync(owner, includeClosed, cancellationToken);

    /// <summary>The quarterly quota, for a period that is a calendar quarter; quotas of other periods are not kept.</summary>
    private static Money? QuotaFor(UserProfile? rep, ReportPeriod period) =>
        period.Kind is PeriodKind.ThisQuarter or PeriodKind.LastQuarter or PeriodKind.NextQuarter ? rep?.QuarterlyQuota : null;

    // "my stats from nov 1 to nov 15", "how did i do in october": the days said, else the period said, else the question's usual one.
    private static ReportPeriod PeriodOf(AskInsight command, PeriodKind usual, CommandContext context) =>
        command.Range is { } range
            ? ReportPeriod.Range(range.First, range.Last, context.TimeZone)
            : PeriodOf(command.Period ?? usual, context);

    private static ReportPeriod PeriodOf(PeriodKind kind, CommandContext context) =>
        ReportPeriod.For(kind, context.Today, context.TimeZone, context.Process.FiscalYearStartMonth);

    private static MoneyTotals Total(IEnumerable<Deal> of, bool weighted, CommandContext context) =>
        MoneyTotals.Sum(of.Where(d => d.Amount is not null).Select(d =>
        {
            var model = context.Process.ModelOrDefault(d.ModelId);
            var probability = weighted ? (model.GetStage(d.StageId) ?? model.FirstStage).WinProbability : 1m;
            return d.Amount!.Value with { Amount = d.Amount.Value.Amount * probability };
        }));

    private void LogAnswer(string question, int dealCount) => LogAnswered(logger, question, dealCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {Question} over {DealCount} deals")]
    private static partial void LogAnswered(ILogger logger, string question, int dealCount);

    /// <summary>One rep's team-stats counts, and their forecast of each quota quarter when they have a quota.</summary>
    private sealed class RepStatsTally(RepTally stats, ForecastTally? thisQuarter, ForecastTally? lastQuarter) : IDealTally
    {
        public RepTally Stats => stats;

        public ForecastTally? ThisQuarter => thisQuarter;

        public ForecastTally? LastQuarter => lastQuarter;

        public void Add(Deal deal)
        {
            stats.Add(deal);
            thisQuarter?.Add(deal);
            lastQuarter?.Add(deal);
        }
    }
}
