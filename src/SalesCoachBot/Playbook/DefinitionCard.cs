using SalesCoachBot.Cards.Model;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Playbook;

/// <summary>"What is a qualified prospect?": a term of the process, defined.</summary>
public static class DefinitionCard
{
    /// <param name="kind">What the term is: "Glossary", "Customer type", "Stage (Consultative)".</param>
    /// <param name="details">Extra lines: signals of a customer type, synonyms.</param>
    public static AdaptiveCard Build(string term, string kind, string definition, IReadOnlyList<string> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var body = new List<CardElement>
        {
            Heading(Escape(term)),
            Text(Escape(kind), subtle: true),
            Text(Escape(definition)),
        };
        if (details.Count > 0)
        {
            body.Add(Text(CoachingCard.Bullets(details.Select(Escape))));
        }

        return Card(body, [Say("How does our process work?", "how does our sales process work")]);
    }
}
