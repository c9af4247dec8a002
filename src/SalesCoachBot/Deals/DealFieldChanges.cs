using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>
/// Applies the fields a rep said together ("fabrikam: 30k, closes march 3", or the facts said with a move: "move
/// northwind to discovery, 36k, closes jan 15") as one pure change: each rule applies to the result of the one before, the
/// first refusal stops them all. The multi-field update and a move with fields both go through here, so a field reads and
/// applies the same way in either.
/// </summary>
internal static class DealFieldChanges
{
    /// <summary>
    /// The deal with every field applied, and what changed in the user's words; a field that already holds what was said
    /// (the deal's own model, named again) is no change and not listed. A refusal of any field is the whole result.
    /// </summary>
    public static (DealChange Change, IReadOnlyList<string> Changed) Apply(Deal deal, DealFields fields, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(context);
        var changes = new List<string>();
        var current = deal;
        DealChange Step(DealChange change, string said)
        {
            if (change.Deal is { } next)
            {
                current = next;
                changes.Add(said);
            }

            return change;
        }

        var steps = new List<Func<DealChange?>>
        {
            () => fields.Amount is { } amount ? Step(DealRules.SetAmount(current, amount, context.Now, context.Actor), $"amount {UserFormat.Money(DealRules.InCurrencyIfNone(amount, current.Amount?.Currency))}") : null,
            () => fields.ExpectedClose is { } close ? Step(DealRules.SetExpectedClose(current, close, context.Today, context.Now, context.Actor), $"closing {UserFormat.Date(close)}") : null,
            () => fields.NextStepText is { } step ? Step(DealRules.SetNextStep(current, step, fields.NextStepDue, context.Today, context.Now, context.Actor), $"next step {step}") : null,
            () => fields.CustomerTypePhrase is { } typePhrase
                ? context.Process.FindCustomerType(typePhrase) is { } type
                    ? Step(DealRules.SetCustomerType(current, type, context.Now, context.Actor), type.Name)
                    : DealChange.Refused(Refusal.UnknownCustomerType(typePhrase))
                : null,
            // "woodgrove: 450k, enterprise, …" about a deal already on the Enterprise process: that field is no change, the rest applies.
            () => fields.ModelPhrase is { } modelPhrase
                ? context.Process.FindModel(modelPhrase) is { } to
                    ? to.Id == context.Process.ModelOrDefault(current.ModelId).Id
                        ? null
                        : Step(DealRules.ChangeModel(current, context.Process.ModelOrDefault(current.ModelId), to, context.Now, context.Actor), $"{to.Name} process")
                    : DealChange.Refused(Refusal.UnknownModel(modelPhrase))
                : null,
        };
        foreach (var step in steps)
        {
            if (step() is { Deal: null } refused)
            {
                return (refused, []);
            }
        }

        return (DealChange.Changed(current), changes);
    }
}
