using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Replies;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"team targets": the weekly targets each rep of the manager's team is held to, and who set each.</summary>
public static class TeamTargetsCard
{
    public static string Summary(IReadOnlyList<SetTarget> targets, int reps)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.Count == 0
            ? $"Your team ({Reps(reps)}) has no weekly targets yet. Say, for example, \"team target: 20 calls a week per rep\"."
            : $"Weekly targets for each of your {Reps(reps)}:\n" + string.Join("\n", targets.Select(t => $"- {Line(t)}"));
    }

    public static AdaptiveCard Build(IReadOnlyList<SetTarget> targets, int reps)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var body = new List<CardElement>
        {
            Heading("Team targets"),
            Text($"Per rep, each week · {Reps(reps)}", subtle: true),
        };
        if (targets.Count == 0)
        {
            body.Add(Text("No weekly targets yet. Say, for example, \"team target: 20 calls a week per rep\", \"team target: 5 meetings a week\" or \"team target: 2 new deals a week\"."));
            return Card(body);
        }

        body.Add(new FactSet { Facts = targets.Select(t => new Fact(Capitalised(ExpectationText.Measure(t.Target.Measure)), Value(t))).ToList() });
        body.Add(Text("Team stats, \"how is Dana doing?\" and your weekly digest show each rep against these. Say \"no team target for calls\" to remove one.", subtle: true));
        return Card(body);
    }

    /// <summary>"20 calls a week (set by you)".</summary>
    public static string Line(SetTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{ExpectationText.Target(target.Target)} ({Source(target.Source)})";
    }

    public static string Source(ExpectationSource source) => source == ExpectationSource.Chat ? "set by you" : "from the targets file";

    private static string Value(SetTarget target) => $"{target.Target.PerWeek.ToString(UserFormat.Culture)} a week ({Source(target.Source)})";

    private static string Reps(int count) => count == 1 ? "1 rep" : $"{count.ToString(UserFormat.Culture)} reps";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
