namespace SalesCoachBot.Core.Deals;

/// <summary>The reminder a rep asks for on a day (<see cref="Deal.AskedReminder"/>): apart from the next step and the ladder.</summary>
public static partial class DealRules
{
    /// <summary>
    /// "remind me about tailspin friday": sets the deal's asked-for reminder, replacing the one it had (a deal has at most
    /// one). The next step and the reminder ladder are left as they are: being reminded is not progress.
    /// </summary>
    public static DealChange AskReminder(Deal deal, DateOnly on, string? note, DateOnly today, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(actor);
        if (RefuseClosed(deal) is { } refusal)
        {
            return refusal;
        }

        if (on < today)
        {
            return DealChange.Refused(Refusal.ReminderInPast(on));
        }

        var cleanNote = note is null ? null : NullIfEmpty(CleanText(note));
        if (cleanNote is { Length: > MaxNextStepLength })
        {
            return DealChange.Refused(Refusal.NoteTooLong(MaxNextStepLength));
        }

        return DealChange.Changed(Touch(deal with { AskedReminder = new AskedReminder(on, cleanNote, now) }, now, actor));
    }
}
