using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Replies;

/// <summary>A deal phrase resolved against the rep's own deals: the deal, or the reply that asks which / offers to create.</summary>
public sealed record DealResolution(Deal? Deal, BotReply? Reply);

/// <summary>
/// Finds the deal a rep means. Only ever looks at that rep's deals, read once per turn. "It" (an empty phrase) is the deal
/// the rep last dealt with (<see cref="TurnTopic"/>), for <see cref="TurnTopic.Lifetime"/>; after that, or with none, the
/// rep is asked, never guessed for. Writes nothing: the router records "it" after the answer, when it changed.
/// </summary>
public sealed class DealResolver(IDealStore store, IUserProfileStore profiles)
{
    /// <summary>
    /// The deal <paramref name="phrase"/> names among the rep's deals. A deal already picked on a choice card
    /// (<see cref="CommandContext.ChosenDealId"/>) is taken as is; a choice card completes <see cref="CommandContext.Text"/>.
    /// The deal comes with its ETag, so a change saves against it without reading it again.
    /// </summary>
    public async Task<DealResolution> ResolveAsync(CommandContext context, string phrase, bool includeClosed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // One read serves both the deals a command may act on and the closed ones it must recognise.
        var all = context.DealsRead ?? await store.ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false);

        // This turn's key is already on a deal: an earlier copy of the activity (a Teams retry), or another click of the
        // same card, changed it. The key is written with the change, so this holds across instances and restarts.
        if (context.Actor.ActivityId is { } key && all.FirstOrDefault(d => d.HasApplied(key)) is { } done)
        {
            context.Topic.Note(done);
            return new DealResolution(null, BotReply.AlreadyDone(context, () => new BotReply("Already done: that button was used before.", [], ReplacesCard: true)));
        }

        var profile = context.Profile;
        if (profile is null && DealPhrases.IsContext(phrase))
        {
            // A turn built without the edge's profile (none is passed down): read it here.
            profile = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        }

        var resolution = Find(context, profile, all, phrase, includeClosed);
        context.Topic.Note(profile, all, resolution.Deal, context.Now);
        return resolution;
    }

    /// <summary>Resolves the deal and acts on it; a phrase that names no single deal gets the resolver's own answer.</summary>
    public async Task<BotReply> OnDealAsync(
        CommandContext context, string phrase, bool includeClosed, Func<Deal, Task<BotReply>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(act);
        var resolution = await ResolveAsync(context, phrase, includeClosed, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is { } deal ? await act(deal).ConfigureAwait(false) : resolution.Reply!;
    }

    /// <summary>A deal the turn is about without resolving a phrase (a twin a new deal is asked about): what "it" means next.</summary>
    public static void Remember(CommandContext context, Deal deal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(deal);
        context.Topic.Note(deal);
    }

    /// <summary>
    /// The open deal a new name would be taken for: one whose name is the new one give or take case, spaces and
    /// punctuation, else one the deal-name matcher finds for it ("Woodgrove" → "Woodgrove Bank rollout", "Contoso" →
    /// "Contoso Ltd"), typos aside: "Filler 2" is not "Filler 1" said with a slip. Creating it silently would leave later messages naming either one to land on the wrong deal, so
    /// the rep is asked first. Null when no open deal would be.
    /// </summary>
    public static Deal? OpenTwin(IReadOnlyList<Deal> open, string name, string? exceptDealId = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(name);
        var others = open.Where(d => d.Id != exceptDealId).ToList();
        var key = TwinKey(name);
        if (key.Length == 0)
        {
            return null;
        }

        // A legal suffix the rep typed is part of the new name: "Contoso Ltd" is a twin of "Contoso", not of "Contoso Pharma".
        var suffixed = DealNameMatcher.HasLegalSuffix(name);
        return others.FirstOrDefault(d => TwinKey(d.Name) == key)
            ?? DealNameMatcher.Match(name, others, d => d.Name, allowTypos: false).Matches
                .FirstOrDefault(d => !suffixed || DealNameMatcher.Normalize(d.Name) == DealNameMatcher.Normalize(name));
    }

    private static string TwinKey(string name) => string.Concat(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private static DealResolution Find(CommandContext context, UserProfile? profile, IReadOnlyList<Deal> all, string phrase, bool includeClosed)
    {
        var deals = includeClosed ? all : all.Where(d => d.IsOpen).ToList();
        if (DealPhrases.IsContext(phrase) && context.ChosenDealId is null)
        {
            var last = TurnTopic.Of(profile, all, context.Now) is { Deal: var it } ? deals.FirstOrDefault(d => d.Id == it.Id) : null;
            if (last is not null)
            {
                return new DealResolution(last, null);
            }

            var recent = deals.OrderByDescending(d => d.UpdatedAt).Take(5).ToList();
            return new DealResolution(null, recent.Count == 0
                ? BotReply.Plain("Which deal do you mean? You have none yet: say \"new deal Contoso 45k\" to add one.")
                : BotReply.Card(
                    $"Which deal do you mean? Say its name, or pick one: {string.Join(", ", recent.Select(d => d.Name))}.",
                    PickDealCard.Build("it", recent, context.Text, context.TurnActivityId, context.Process, "Which deal do you mean? Pick one, or say its name.")));
        }
        if (context.ChosenDealId is { } chosenDealId)
        {
            var chosen = deals.FirstOrDefault(d => d.Id == chosenDealId);
            return chosen is null
                ? new DealResolution(null, BotReply.Plain("That deal is no longer in your pipeline."))
                : new DealResolution(chosen, null);
        }

        var match = DealNameMatcher.Match(phrase, deals, d => d.Name);
        if (!includeClosed)
        {
            // A closed deal is still the rep's: when the name points at it, say it is closed rather than change
            // another deal that only matches loosely.
            var overAll = DealNameMatcher.Match(phrase, all, d => d.Name);
            if (overAll.Kind == NameMatchKind.Unique && !overAll.Matches[0].IsOpen)
            {
                var closed = overAll.Matches[0];
                return new DealResolution(null, BotReply.Plain($"{closed.Name} is already closed ({closed.Status.ToString().ToLowerInvariant()})."));
            }
        }

        return match.Kind switch
        {
            NameMatchKind.Unique => new DealResolution(match.Matches[0], null),
            NameMatchKind.Ambiguous => new DealResolution(null, BotReply.Card(
                $"More than one deal matches \"{phrase}\": {string.Join(", ", match.Matches.Select(d => d.Name))}. Which one did you mean?",
                PickDealCard.Build(phrase, match.Matches, context.Text, context.TurnActivityId, context.Process))),
            _ => IsQuestion(context.Text)
                ? new DealResolution(null, BotReply.Card(
                    $"I couldn't find a deal called \"{phrase}\" in your pipeline. Say \"my deals\" to see them.",
                    DealNotFoundCard.Build(phrase, deals, suggestCreate: false)))
                : new DealResolution(null, BotReply.Card(
                    $"I couldn't find a deal called \"{phrase}\" in your pipeline. Say \"new deal {phrase}\" to create it, or \"my deals\" to see them.",
                    DealNotFoundCard.Build(phrase, deals))),
        };
    }

    // "is anyone on my team stuck", "how is foo?": a question names no deal to create, so no "new deal …" is suggested.
    private static bool IsQuestion(string text)
    {
        var said = text.Trim();
        return said.EndsWith('?') || QuestionWords.Contains(said.Split(' ', 2)[0].ToLowerInvariant());
    }

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "does", "do", "did", "has", "have", "what", "what's", "whats", "who", "who's", "whos", "how", "how's", "hows",
        "when", "where", "which", "why", "can", "could", "will", "would", "should", "any", "anyone", "anybody",
    };
}
