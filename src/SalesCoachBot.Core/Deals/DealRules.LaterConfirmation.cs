namespace SalesCoachBot.Core.Deals;

public static partial class DealRules
{
    /// <summary>
    /// The rep ticks criteria that were not confirmed when the deal moved on: each is taken off the newest history entry
    /// that still lists it as unconfirmed and recorded there as confirmed later, so the history keeps both facts.
    /// </summary>
    public static DealChange ConfirmLater(Deal deal, IReadOnlyCollection<string> criteria, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(criteria);
        var history = deal.History.ToList();
        var confirmed = 0;
        foreach (var criterion in criteria.Distinct(StringComparer.Ordinal))
        {
            var index = history.FindLastIndex(h => h.Unconfirmed?.Contains(criterion, StringComparer.Ordinal) == true);
            if (index < 0)
            {
                continue;
            }

            var entry = history[index];
            history[index] = entry with
            {
                Unconfirmed = entry.Unconfirmed!.Where(c => c != criterion).ToList() is { Count: > 0 } rest ? rest : null,
                ConfirmedLater = [.. entry.ConfirmedLater ?? [], new LateConfirmation(criterion, now)],
            };
            confirmed++;
        }

        return confirmed == 0
            ? DealChange.Changed(deal)
            : DealChange.Changed(Touch(deal with { History = history }, now, actor));
    }

    /// <summary>The criteria still unconfirmed from the moves that brought the deal to its current stage, oldest first.</summary>
    public static IReadOnlyList<string> StillUnconfirmed(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.History.SelectMany(h => h.Unconfirmed ?? []).Distinct(StringComparer.Ordinal).ToList();
    }
}
