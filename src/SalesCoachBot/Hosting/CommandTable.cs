using SalesCoachBot.Coaching;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Deals;
using SalesCoachBot.Help;
using SalesCoachBot.Insights;
using SalesCoachBot.Playbook;
using SalesCoachBot.Reminders;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Which feature answers each command and each card button: the whole map of the bot on one page. "Pick a deal" and
/// "say" are the router's own (they only choose the message to dispatch).
/// </summary>
internal static class CommandTable
{
    public static DispatchTable Build(IServiceProvider services)
    {
        var help = services.GetRequiredService<HelpCommandHandler>();
        var pipeline = services.GetRequiredService<PipelineCommandHandler>();
        var deals = services.GetRequiredService<DealCommandHandler>();
        var stages = services.GetRequiredService<DealStageHandler>();
        var corrections = services.GetRequiredService<DealCorrectionHandler>();
        var coaching = services.GetRequiredService<CoachingCommandHandler>();
        var playbook = services.GetRequiredService<PlaybookCommandHandler>();
        var reminders = services.GetRequiredService<ReminderCommandHandler>();
        var insights = services.GetRequiredService<InsightCommandHandler>();
        var targets = services.GetRequiredService<TeamTargetHandler>();
        var charts = services.GetRequiredService<Insights.Charts.PipelineChartHandler>();
        var exports = services.GetRequiredService<Insights.Export.ExportCommandHandler>();

        return new DispatchTable()
            // Help
            .On<ShowHelp>(help.HelpAsync)
            .On<Greet>(help.GreetAsync)
            .On<NotUnderstood>(help.NotUnderstoodAsync)

            // Deals: views, then changes
            .On<ListDeals>(pipeline.ListAsync)
            .On<ShowDeal>(pipeline.ShowAsync)
            .OnVerb(CardVerbs.ShowDeal, pipeline.ShowClickedAsync)
            .On<CreateDeal>(deals.CreateAsync)
            .OnVerb(CardVerbs.CreateDeal, deals.CreateClickedAsync)
            .OnVerb(CardVerbs.CreateAnyway, deals.CreateAnywayClickedAsync)
            .OnVerb(CardVerbs.UpdateExisting, deals.UpdateExistingClickedAsync)
            .On<SetNextStep>(deals.SetNextStepAsync)
            .On<SetAmount>(deals.SetAmountAsync)
            .On<SetCloseDate>(deals.SetCloseDateAsync)
            .On<ShiftCloseDate>(deals.ShiftCloseDateAsync)
            .On<UpdateDeal>(deals.UpdateAsync)
            .On<LogActivity>(deals.LogActivityAsync)
            .On<ReopenDeal>(corrections.ReopenAsync)
            .On<RenameDeal>(corrections.RenameAsync)
            .OnVerb(CardVerbs.RenameAnyway, corrections.RenameAnywayClickedAsync)
            .OnVerb(CardVerbs.KeepName, corrections.KeepNameClickedAsync)
            .OnVerb(CardVerbs.RenameToOther, corrections.RenameToOtherClickedAsync)
            .On<ChangeModel>(corrections.ChangeModelAsync)
            .On<SetCustomerType>(corrections.SetCustomerTypeAsync)
            .On<Undo>(corrections.UndoAsync)
            .On<DeleteDeal>(corrections.DeleteAsync)
            .OnVerb(CardVerbs.DeleteDeal, corrections.DeleteClickedAsync)
            .OnVerb(CardVerbs.KeepDeal, corrections.KeepClickedAsync)
            .On<MoveDeal>(stages.MoveAsync)
            .On<AdvanceDeal>(stages.AdvanceAsync)
            .On<CloseDeal>(stages.CloseAsync)
            .OnVerb(CardVerbs.MoveDeal, stages.MoveClickedAsync)
            .OnVerb(CardVerbs.ConfirmMove, stages.ConfirmMoveClickedAsync)
            .OnVerb(CardVerbs.CloseWon, stages.WonClickedAsync)
            .OnVerb(CardVerbs.CloseLost, stages.LostClickedAsync)

            // Coaching
            .On<CoachDeal>(coaching.CoachAsync)
            .OnVerb(CardVerbs.Coach, coaching.CoachClickedAsync)
            .OnVerb(CardVerbs.SaveNextStep, coaching.SaveClickedAsync)
            .OnVerb(CardVerbs.ConfirmLater, coaching.ConfirmLaterClickedAsync)
            .OnUnknownVerb(coaching.RefuseUnknownAsync)

            // Playbook
            .On<ExplainProcess>(playbook.ExplainProcessAsync)
            .On<ExplainStage>(playbook.ExplainStageAsync)
            .On<ExplainTools>(playbook.ExplainToolsAsync)
            .On<Define>(playbook.DefineAsync)
            .On<CompareStages>(playbook.CompareStagesAsync)
            .On<StartTour>(playbook.StartTourAsync)
            .OnVerb(CardVerbs.Tour, playbook.TourClickedAsync)

            // Reminders
            .On<SnoozeDeal>(reminders.SnoozeAsync)
            .On<LiftSnooze>(reminders.LiftSnoozeAsync)
            .On<RemindMe>(reminders.RemindAsync)
            .OnVerb(CardVerbs.Snooze, reminders.SnoozeClickedAsync)
            .OnVerb(CardVerbs.RemindAgain, reminders.RemindAgainClickedAsync)
            .On<SetWorkingHours>(reminders.SetHoursAsync)
            .On<SetTimeZone>(reminders.SetTimeZoneAsync)
            .On<SetManager>(reminders.SetManagerAsync)
            .On<SetWeeklySummary>(reminders.SetWeeklySummaryAsync)
            .On<ShowStalled>(reminders.ShowStalledAsync)
            .OnVerb(CardVerbs.PingRep, reminders.PingClickedAsync)

            // Insights
            .On<AskInsight>(insights.AskAsync)
            .On<ShowPipelineChart>(charts.ShowAsync)
            .On<ExportDeals>(exports.ExportAsync)
            .On<ShowProcessReport>(insights.ProcessReportAsync)
            .On<SetForecastCategory>(insights.SetCategoryAsync)
            .On<ShowRepDeals>(insights.RepDealsAsync)
            .On<SetQuota>(insights.SetQuotaAsync)
            .On<AskQuota>(insights.QuotaAsync)
            .On<SetTeamTarget>(targets.SetAsync)
            .On<ShowTeamTargets>(targets.ShowAsync)
            .On<RemoveTeamTarget>(targets.RemoveAsync);
    }
}
