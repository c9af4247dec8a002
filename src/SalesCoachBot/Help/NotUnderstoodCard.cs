using SalesCoachBot.Cards.Model;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Help;

/// <summary>The answer to a message the bot could not read: what went wrong, and what it can do instead.</summary>
public static class NotUnderstoodCard
{
    /// <param name="suggestions">The commands nearest to what was said (<see cref="CommandSuggestions"/>).</param>
    public static AdaptiveCard Build(string text, string? hint, IReadOnlyList<CommandSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var body = new List<CardElement>
        {
            hint is null
                ? Text(text.Length == 0 ? "I read text messages; that one had none." : $"Sorry, I didn't understand \"{Escape(text)}\".", weight: FontWeight.Bolder)
                : Text(Escape(hint), color: TextColor.Warning, weight: FontWeight.Bolder),
            Text("Here are a few things you can say:"),
            new FactSet { Facts = suggestions.Select(s => new Fact(s.Label, s.Example)).ToList() },
        };
        return Card(body, [Say("Show everything I can do", "help"), Say("My deals", "my deals")]);
    }
}
