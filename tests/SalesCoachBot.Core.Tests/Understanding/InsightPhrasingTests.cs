using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>Insight questions as reps and managers type them (issue 13), slips included, each with what it must ask.</summary>
public class InsightPhrasingTests
{
    // Wednesday 25 November 2026: Q4 is this quarter.
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    private static string Describe(Command command) => command switch
    {
        AskInsight { Kind: InsightKind.RepStats } ask => $"RepStats {ask.RepPhrase}{(ask.Period is { } p ? $" {p}" : string.Empty)}",
        AskInsight ask => ask.Period is { } period ? $"{ask.Kind} {period}" : ask.Kind.ToString(),
        ShowProcessReport report => report.ModelId is { } model ? $"ProcessReport {model}" : "ProcessReport",
        SetForecastCategory set => $"Category {set.DealPhrase}={set.Category?.ToString() ?? "stage"}",
        SetQuota quota => $"Quota {quota.RepPhrase ?? "me"}={quota.Amount.Amount}",
        AskQuota ask => $"AskQuota {ask.RepPhrase ?? "me"}",
        ShowRepDeals deals => deals.DealPhrase is { } deal ? $"RepDeal {deals.RepPhrase}/{deal}" : $"RepDeals {deals.RepPhrase}",
        _ => command.GetType().Name,
    };

    [Theory]
    // A rep's forecast.
    [InlineData("my forecast", "Forecast")]
    [InlineData("forecast this quarter", "Forecast ThisQuarter")]
    [InlineData("what's my forecast for next quarter?", "Forecast NextQuarter")]
    [InlineData("whats my forecast", "Forecast")]
    [InlineData("my forcast", "Forecast")]
    [InlineData("forcast this quater", "Forecast ThisQuarter")]
    [InlineData("show me my commit", "Forecast")]
    [InlineData("weighted pipeline", "Forecast")]
    [InlineData("what closes this month", "Forecast ThisMonth")]
    [InlineData("what's closing this quarter?", "Forecast ThisQuarter")]
    [InlineData("what is going to close this month", "Forecast ThisMonth")]
    [InlineData("what am I going to close this quarter", "Forecast ThisQuarter")]
    [InlineData("deals closing this week", "Forecast ThisWeek")]
    [InlineData("what do I expect to close this month?", "Forecast ThisMonth")]
    // A rep's results and activity.
    [InlineData("how am I doing", "Stats")]
    [InlineData("how am i doing this quarter?", "Stats ThisQuarter")]
    [InlineData("my stats this month", "Stats ThisMonth")]
    [InlineData("my stast this month", "Stats ThisMonth")]
    [InlineData("my win rate", "Stats")]
    [InlineData("what's my winrate last quarter", "Stats LastQuarter")]
    [InlineData("my numbers last month", "Stats LastMonth")]
    [InlineData("am I on track this quarter?", "Stats ThisQuarter")]
    [InlineData("how many deals did I win last month", "Stats LastMonth")]
    [InlineData("how many calls have I made this week", "Stats ThisWeek")]
    [InlineData("how am i doign", "Stats")]
    [InlineData("show my scorecard", "Stats")]
    // At risk and due.
    [InlineData("which deals are at risk", "AtRisk")]
    [InlineData("which of my deals are at risk?", "AtRisk")]
    [InlineData("deals at risk", "AtRisk")]
    [InlineData("any deals atrisk?", "AtRisk")]
    [InlineData("what's slipping", "AtRisk")]
    [InlineData("what's due this week", "Due ThisWeek")]
    [InlineData("anything due today?", "Due Today")]
    [InlineData("what's overdue", "Due")]
    [InlineData("what do I need to do this week", "Due ThisWeek")]
    // The team, for managers.
    [InlineData("team pipeline", "TeamPipeline")]
    [InlineData("show me the team pipline", "TeamPipeline")]
    [InlineData("team forecast", "TeamForecast")]
    [InlineData("what's the team forecast this quarter", "TeamForecast ThisQuarter")]
    [InlineData("team forcast", "TeamForecast")]
    [InlineData("what is my team going to close this month", "TeamForecast ThisMonth")]
    [InlineData("team stats this quarter", "TeamStats ThisQuarter")]
    [InlineData("how is my team doing", "TeamStats")]
    [InlineData("team scorecard last month", "TeamStats LastMonth")]
    [InlineData("how are my reps doing this quarter", "TeamStats ThisQuarter")]
    [InlineData("how is Dana doing?", "RepStats Dana")]
    [InlineData("how is dana doing this quarter", "RepStats dana ThisQuarter")]
    [InlineData("how's Dana Lee doing", "RepStats Dana Lee")]
    [InlineData("Dana's numbers", "RepStats Dana")]
    [InlineData("is Dana on track?", "RepStats Dana")]
    [InlineData("Dana's deals", "RepDeals Dana")]
    [InlineData("show me Dana's pipeline", "RepDeals Dana")]
    [InlineData("dana's pipline", "RepDeals dana")]
    [InlineData("what is Dana working on?", "RepDeals Dana")]
    [InlineData("show Dana's Contoso", "RepDeal Dana/Contoso")]
    [InlineData("open dana's fabrikam deal", "RepDeal dana/fabrikam")]
    // The process owner.
    [InlineData("where do deals stall?", "ProcessReport")]
    [InlineData("process report", "ProcessReport")]
    [InlineData("proces reprot", "ProcessReport")]
    [InlineData("where do our deals get stuck", "ProcessReport")]
    [InlineData("where do enterprise deals stall?", "ProcessReport enterprise")]
    [InlineData("process report for transactional", "ProcessReport transactional")]
    [InlineData("which stage is the slowest?", "ProcessReport")]
    [InlineData("where does our process break?", "ProcessReport")]
    [InlineData("show me the bottlenecks", "ProcessReport")]
    [InlineData("how is our sales process working?", "ProcessReport")]
    // A deal's forecast category.
    [InlineData("put contoso in commit", "Category contoso=Commit")]
    [InlineData("put Contoso Ltd into best case", "Category Contoso Ltd=BestCase")]
    [InlineData("mark fabrikam as upside", "Category fabrikam=BestCase")]
    [InlineData("move tailspin to pipeline", "Category tailspin=Pipeline")]
    [InlineData("put it in commit", "Category =Commit")]
    [InlineData("contoso is commit", "Category contoso=Commit")]
    [InlineData("put contoso in comit", "Category contoso=Commit")]
    [InlineData("take contoso out of commit", "Category contoso=stage")]
    [InlineData("reset the forecast category for contoso", "Category contoso=stage")]
    // Quotas.
    [InlineData("my quota is 300k this quarter", "Quota me=300000")]
    [InlineData("set my quota to $250,000", "Quota me=250000")]
    [InlineData("Dana's quota is 300k this quarter", "Quota Dana=300000")]
    [InlineData("dana's target: 120k per quarter", "Quota dana=120000")]
    [InlineData("what's my quota", "AskQuota me")]
    [InlineData("what is my quota this quarter?", "AskQuota me")]
    [InlineData("do I have a quota?", "AskQuota me")]
    [InlineData("what's megan's quota", "AskQuota megan")]
    [InlineData("how much is Megan Bowen's quota?", "AskQuota Megan Bowen")]
    public void Insight_questions_ask_what_they_mean(string text, string expected)
    {
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));
    }

    [Theory]
    [InlineData("move contoso to proposal", "MoveDeal")]
    [InlineData("show contoso", "ShowDeal")]
    [InlineData("contoso is enterprise", "ChangeModel")]
    [InlineData("my deals", "ListDeals")]
    public void Deal_changes_and_views_stay_what_they_were(string text, string expected)
    {
        Assert.Equal(expected, Describe(CommandParser.Parse(text, _context)));
    }
}
