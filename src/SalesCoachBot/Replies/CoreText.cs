using System.Globalization;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Replies;

/// <summary>
/// The words for what the domain reports as data: why a change was refused. The domain speaks no language; every
/// sentence a rep reads about it is written here.
/// </summary>
public static class CoreText
{
    public static string Refusal(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);

        // No discard arm: a new refusal code fails the build here (CS8509) until it has its words. CS8524 is only
        // about integers cast to the enum, which the domain never produces.
#pragma warning disable CS8524
        return refusal.Code switch
        {
            RefusalCode.NameMissing => "A deal needs a name, for example: new deal Contoso Ltd 45k.",
            RefusalCode.NameTooLong => $"That name is {refusal.Length} characters long; keep a deal name under {refusal.Limit}.",
            RefusalCode.AmountNotPositive => "A deal's amount must be more than zero.",
            RefusalCode.AlreadyInStage => $"{refusal.DealName} is already in {refusal.StageName}.",
            RefusalCode.NotAStageOfModel => $"{refusal.StageName} is not a stage of the {refusal.ModelName} process.",
            RefusalCode.NoClosingStage => $"The {refusal.ModelName} process has no closing stage for a {(refusal.Status == DealStatus.Won ? "won" : "lost")} deal.",
            RefusalCode.ReasonTooLong => $"Keep the reason under {refusal.Limit} characters.",
            RefusalCode.NextStepMissing => "Say what the next step is, for example: next step for Contoso: send pricing by Friday.",
            RefusalCode.NextStepTooLong => $"Keep the next step under {refusal.Limit} characters.",
            RefusalCode.NextStepDueInPast => $"{Day(refusal.Date)} is in the past; give a due date from today on.",
            RefusalCode.ExpectedCloseInPast => $"{Day(refusal.Date)} is in the past; an expected close date is from today on.",
            RefusalCode.MovedOnSinceChecklist => $"{refusal.DealName} has moved on to another stage since that checklist was shown.",
            RefusalCode.AlreadyClosed => $"{refusal.DealName} is already closed ({refusal.Status?.ToString().ToLowerInvariant()}).",
            RefusalCode.NothingToSnooze => $"{refusal.DealName} is already closed; there is nothing to snooze.",
        };
#pragma warning restore CS8524
    }

    private static string Day(DateOnly? date) => date?.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
