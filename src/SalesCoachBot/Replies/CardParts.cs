using System.Text;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Replies;

/// <summary>Small pieces every card builder uses, so cards look alike and user text is always escaped.</summary>
internal static class CardParts
{
    public static AdaptiveCard Card(IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null) =>
        new() { Body = body, Actions = actions is { Count: > 0 } ? actions : null };

    public static TextBlock Heading(string text) =>
        new() { Text = text, Size = FontSize.Large, Weight = FontWeight.Bolder, Style = TextBlockStyle.Heading };

    public static TextBlock Text(string text, bool subtle = false, TextColor? color = null, FontWeight? weight = null) =>
        new() { Text = text, IsSubtle = subtle ? true : null, Color = color, Weight = weight };

    /// <summary>A banner saying what just happened ("Moved Contoso Ltd to Proposal.").</summary>
    public static Container Banner(string text, ContainerStyle style = ContainerStyle.Good) =>
        new() { Style = style, Items = [new TextBlock { Text = text, Weight = FontWeight.Bolder }] };

    public static ExecuteAction Execute(string title, CardActionData data, ActionStyle? style = null) =>
        new() { Title = title, Verb = data.Verb, Data = data, Style = style };

    public static ExecuteAction Say(string title, string text) =>
        Execute(title, new CardActionData { Verb = CardVerbs.Say, Text = text });

    /// <summary>
    /// Escapes text a user typed (a deal name, a next step) so card markdown cannot turn it into links, emphasis or lists.
    /// The stored text stays exactly as typed.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var atLineStart = i == 0 || text[i - 1] == '\n';
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '~' or '<' or '>' || (atLineStart && c is '#' or '-' or '+'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
