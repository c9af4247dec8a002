using System.Globalization;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Replies;

/// <summary>
/// The words for what the domain reports as data: why a change was refused, why a reminder is due, how long a deal
/// has been in its stage, how long a stage allows. The domain speaks no language; every sentence a rep reads about it
/// is written here.
/// </summary>
public static class CoreText
{
    /// <summary>
    /// A deal's customer type after "is": "a small business customer", "an enterprise customer", "an existing customer
    /// (expansion)": the type's name in a sentence, with its article, and "customer" only when the name lacks it.
    /// </summary>
    public static string CustomerTypeOf(Core.Process.CustomerType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Name.Length > 1 && char.IsUpper(type.Name[0]) && !char.IsUpper(type.Name[1]) ? char.ToLowerInvariant(type.Name[0]) + type.Name[1..] : type.Name;
        var noun = name.Contains("customer", StringComparison.OrdinalIgnoreCase) ? name : name + " customer";
        var article = "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
        return $"{article} {noun}";
    }

    // Dates are read in English whatever the server's locale.
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

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
            RefusalCode.NotLost => $"{refusal.DealName} is not closed as lost, so it has no loss reason to record.",
            RefusalCode.NotSnoozed => $"{refusal.DealName} isn't snoozed: its reminders come as usual.",
            RefusalCode.AlreadyOpen => $"{refusal.DealName} is already open.",
            RefusalCode.SameName => $"{refusal.DealName} already has that name.",
            RefusalCode.SameModel => $"{refusal.DealName} already follows the {refusal.ModelName} process.",
            RefusalCode.ActivityInFuture => $"{Day(refusal.Date)} is in the future; log what was done, or set it as the next step.",
            RefusalCode.NoteTooLong => $"Keep the note under {refusal.Limit} characters.",
            RefusalCode.NoCloseDateToShift => $"{refusal.DealName} has no expected close date yet. Say \"{refusal.DealName} closes …\" first.",
            RefusalCode.UnknownModel => $"I don't know a \"{refusal.Phrase}\" selling model. Say \"how does our sales process work?\" to see the models.",
            RefusalCode.UnknownCustomerType => $"I don't know the customer type \"{refusal.Phrase}\". Say \"what is a small business?\" or \"help\" to see the types.",
            RefusalCode.NotAnOpenStage => $"\"{refusal.Phrase}\" is not an open stage of the {refusal.ModelName} process.",
            RefusalCode.NothingToChange => "Say what to change, for example: fabrikam 30k, closes march 3.",
            RefusalCode.AlreadyDeleted => $"{refusal.DealName} is already deleted. Say \"undo\" to bring it back.",
            RefusalCode.ReminderInPast => $"{Day(refusal.Date)} is in the past; I can remind you today or later.",
            RefusalCode.NameReadsAsUndo => $"A deal can't be called \"{refusal.Phrase}\": any message with \"undo\" in it undoes your last change, so that name could never reach the deal. Give it another name.",
        };
#pragma warning restore CS8524
    }

    /// <summary>What an undo put back: <paramref name="undone"/> is the deal with the change, <paramref name="restored"/> without it.</summary>
    /// <param name="again">What to say to go further back: "undo", or "undo Delta" after an undo of a deal named.</param>
    public static string Undone(UndoEntry entry, Deal undone, Deal restored, Core.Process.SalesProcess process, TimeZoneInfo zone, string again = "undo")
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(undone);
        ArgumentNullException.ThrowIfNull(restored);
        ArgumentNullException.ThrowIfNull(process);
        string StageOf(Deal deal) => process.ModelOrDefault(deal.ModelId).GetStage(deal.StageId)?.Name ?? deal.StageId;
        string Phrase(DealEdit edit) => edit switch
        {
            DealEdit.Created => "it was just created, so it is deleted again",
            DealEdit.Deleted => "it is back in your pipeline",
            DealEdit.Won => $"it is no longer won, back in {StageOf(restored)}",
            DealEdit.Lost => $"it is no longer lost, back in {StageOf(restored)}",
            DealEdit.Reopened => $"it is {restored.Status.ToString().ToLowerInvariant()} again",
            DealEdit.Moved => $"back in {StageOf(restored)} (not {StageOf(undone)})",
            DealEdit.ModelChanged => $"back on the {process.ModelOrDefault(restored.ModelId).Name} process, in {StageOf(restored)}",
            DealEdit.Renamed => $"its name is {restored.Name} again (not {undone.Name})",
            DealEdit.AmountChanged => restored.Amount is { } amount ? $"amount back to {UserFormat.Money(amount)}" : "no amount again",
            DealEdit.CloseDateChanged => restored.ExpectedClose is { } close ? $"expected close back to {UserFormat.Date(close)}" : "no expected close date again",
            DealEdit.NextStepChanged => restored.NextStep is { } step ? $"next step back to \"{step.Text}\"" : "no next step again",
            DealEdit.CustomerTypeChanged => restored.CustomerTypeId is { } type ? $"customer type back to {process.FindCustomerType(type)?.Name ?? type}" : "no customer type again",
            DealEdit.ActivityLogged => "the activity logged is taken off",
            DealEdit.CriteriaConfirmed => "the exit criteria ticked are unticked",
            DealEdit.ActionsTicked => "the actions ticked are unticked",
            DealEdit.ReminderAsked => restored.AskedReminder is { } asked
                ? $"your reminder is back to {UserFormat.Date(asked.On)}"
                : $"the reminder you asked for{(undone.AskedReminder is { } taken ? $" on {UserFormat.Date(taken.On)}" : string.Empty)} is taken off",
            DealEdit.Snoozed => restored.Reminder.SnoozedUntil is { } until ? $"snoozed until {UserFormat.ShortDateTime(until, zone)} again" : "no longer snoozed",
            _ => "changed back",
        };
        var name = entry.Edits.Contains(DealEdit.Renamed) ? undone.Name : restored.Name;
        return $"Undid your last change to {name}: {string.Join("; ", entry.Edits.Select(Phrase))}. Say \"{again}\" again to go further back.";
    }

    /// <summary>How to say what a message came close to.</summary>
    public static string Hint(ParseHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var (a, b) = (hint.Value(0), hint.Value(1));
#pragma warning disable CS8524
        return hint.Code switch
        {
            HintCode.MessageTooLong => $"That message is {a} characters long; I read messages up to {b}.",
            HintCode.HowToMove => $"To move a deal, say 'move Contoso to proposal'. The stages are: {a}.",
            HintCode.HowToCreate => "To add a deal, say 'new deal Contoso 45k', optionally with a model, stage or close date.",
            HintCode.HowToSnooze => "To snooze a deal, say 'snooze Contoso until friday' or 'snooze Contoso 3 days'.",
            HintCode.HowToRemind => "To set a reminder, say 'remind me about Contoso tomorrow'.",
            HintCode.HowToRename => "To rename a deal, say 'rename Contoso to Contoso Ltd'.",
            HintCode.HowToDelete => "To delete a deal, say 'delete Contoso'.",
            HintCode.HowToLogActivity => "To log an activity, say 'called Contoso about pricing' or 'had a meeting with Contoso yesterday'.",
            HintCode.HowToSetNextStep => "To set a next step, say 'next step for Contoso: send pricing by friday'.",
            HintCode.RemindWhenAbout => $"When should I remind you? For example: remind me about {a} tomorrow.",
            HintCode.RemindWhenTo => $"When should I remind you? For example: remind me to {a} tomorrow.",
            HintCode.SnoozeTooLong => "I can snooze a deal for up to a year. Try 'snooze Contoso 3 days'.",
            HintCode.UnreadableSnooze => $"I couldn't read '{a}' as a snooze. Try 'snooze {b} until friday', 'snooze {b} 3 days' or 'snooze {b} until the next step is due'.",
            HintCode.UnreadableAmount => $"I couldn't read '{a}' as an amount. Try '50k', '$50,000', '1.2m' or '50000 EUR'.",
            HintCode.UnknownModel => $"I don't know a '{a}' selling model. The models are: {b}.",
            HintCode.DealNameMissing => "Give the deal a name, for example: new deal Contoso Ltd 45k.",
            HintCode.UnreadableShift => $"I couldn't read '{a}' as a shift. Try 'push {b} out two weeks'.",
            HintCode.UnknownCustomerType => $"I don't know a '{a}' customer type. The types are: {b}.",
            HintCode.UnreadableDate => $"'{a}' is not a date, so I changed nothing. Try 'dec 15', '2027-01-31' or 'end of quarter'.",
            HintCode.UnreadableWords => $"I read the deal as '{a}' but couldn't read '{b}', so I created nothing. Say amounts like '30k', models and customer types by name, stages after 'in' and dates after 'closing'.",
            HintCode.UnreadableFacts => $"I read a move of '{a}' to '{b}' but couldn't read all of '{hint.Value(2)}', so I changed nothing. Say amounts like '30k', dates after 'closing' and a next step after 'next step'.",
            HintCode.DateInPast => $"'{a}' is {b}, already past: a close date must be today or later, so I changed nothing.",
        };
#pragma warning restore CS8524
    }

    /// <summary>Why a reminder is due, as the end of "Contoso needs attention: …" (so it starts in lower case).</summary>
    public static string Reason(ReminderReason reason) => reason switch
    {
        NextStepOverdue step => $"the next step \"{step.Step}\" was due {UserFormat.ShortDate(step.Due)}",
        OverAllowedTime over => $"it has been in {over.StageName} {Duration(over.Allowed)} plus {Overrun(over.Over)}",
        FollowUpDue followUp => $"it is due for a follow-up in {followUp.StageName}",
        AskedReminderDue asked => "you asked to be reminded" + (asked.Note is { } note ? $": {note}" : $" on {UserFormat.ShortDate(asked.On)}"),
        null => throw new ArgumentNullException(nameof(reason)),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.GetType().Name, "A reminder reason without words."),
    };

    /// <summary>The same reason as a sentence of its own.</summary>
    public static string CapitalizedReason(ReminderReason reason)
    {
        var text = Reason(reason);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>"3 days of 2 weeks", "2 minutes of 30 seconds": time in stage against the allowed time, in the larger sensible unit.</summary>
    public static string TimeInStage(DealView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.AllowedTime is not { } allowed)
        {
            return InUnitOf(view.TimeInStage, view.TimeInStage);
        }

        return $"{InUnitOf(view.TimeInStage, allowed)} of {Duration(allowed)}";
    }

    /// <summary>How a person would say a duration: "7 days", "2 weeks", "30 seconds", "1 day 12 hours".</summary>
    public static string Duration(TimeSpan duration)
    {
        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

        if (duration.TotalDays >= 1 && duration.Ticks % TimeSpan.FromDays(7).Ticks == 0)
        {
            return Unit((int)(duration.TotalDays / 7), "week");
        }

        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add(Unit(duration.Days, "day"));
        }

        if (duration.Hours > 0)
        {
            parts.Add(Unit(duration.Hours, "hour"));
        }

        if (duration.Minutes > 0)
        {
            parts.Add(Unit(duration.Minutes, "minute"));
        }

        if (duration.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(Unit(duration.Seconds, "second"));
        }

        return string.Join(' ', parts);
    }

    private static string Day(DateOnly? date) => date is { } day ? UserFormat.Date(day) : string.Empty;

    /// <summary>Whole units of <paramref name="value"/>, in the largest unit <paramref name="scale"/> fills.</summary>
    private static string InUnitOf(TimeSpan value, TimeSpan scale)
    {
        if (scale >= TimeSpan.FromDays(1))
        {
            var days = (int)value.TotalDays;
            return days == 1 ? "1 day" : $"{days} days";
        }

        if (scale >= TimeSpan.FromHours(1))
        {
            var hours = (int)value.TotalHours;
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }

        if (scale >= TimeSpan.FromMinutes(1))
        {
            var minutes = (int)value.TotalMinutes;
            return minutes == 1 ? "1 minute" : $"{minutes} minutes";
        }

        var seconds = (int)value.TotalSeconds;
        return seconds == 1 ? "1 second" : $"{seconds} seconds";
    }

    /// <summary>How far past the allowed time, in its largest whole unit; never "0 seconds".</summary>
    private static string Overrun(TimeSpan over) =>
        over.TotalDays >= 1 ? $"{(int)over.TotalDays} day{((int)over.TotalDays == 1 ? "" : "s")}"
        : over.TotalHours >= 1 ? $"{(int)over.TotalHours} hour{((int)over.TotalHours == 1 ? "" : "s")}"
        : over.TotalMinutes >= 1 ? $"{(int)over.TotalMinutes} minute{((int)over.TotalMinutes == 1 ? "" : "s")}"
        : $"{Math.Max(1, (int)over.TotalSeconds)} seconds";
}
