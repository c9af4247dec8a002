using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights;

/// <summary>
/// A manager's weekly activity targets for their team: "team target: 20 calls a week per rep", "team targets", "no team
/// target for calls". Stored on the manager's profile (<see cref="UserProfile.TeamTargets"/>); they override the admin's
/// targets file for that team, one measure at a time. Only someone with a team may set them.
/// </summary>
public sealed partial class TeamTargetHandler(IUserProfileStore profiles, TeamReader team, Expectations expectations, ILogger<TeamTargetHandler> logger)
{
    private const string Kinds = "calls, meetings, emails, demos, proposals sent, activities (all kinds) or new deals";

    public async Task<BotReply> SetAsync(SetTeamTarget command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command.Measure is not { } measure)
        {
            return BotReply.Plain($"I can't count \"{Shorten(command.KindWords)}\" for a target. A team target counts {Kinds}: for example \"team target: 20 calls a week per rep\".");
        }

        if (command.OtherUnit is { } unit)
        {
            return BotReply.Plain($"Team targets are set per week, not per {unit}: say, for example, \"team target: 20 {ExpectationText.Measure(measure)} a week per rep\".");
        }

        if (command.PerWeek is < 1 or > ActivityTarget.MaxPerWeek)
        {
            return BotReply.Plain($"A team target is a whole number from 1 to {ActivityTarget.MaxPerWeek.ToString("N0", UserFormat.Culture)} a week. To remove one, say \"no team target for {ExpectationText.Measure(measure)}\".");
        }

        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return NotAManager();
        }

        var target = new ActivityTarget(measure, command.PerWeek);
        var saved = await profiles.UpdateAsync(context.Owner, p => p is null ? null : p with { TeamTargets = ActivityTargets.With(p.TeamTargets, target) }, cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            return BotReply.Plain("I couldn't save that just now; please try again.");
        }

        LogTargetSet(logger, context.Owner.UserId, measure, command.PerWeek, reps.Count);
        return BotReply.Plain($"Team target set: {ExpectationText.Target(target)} for {EachOf(reps.Count)}. Team stats, \"how is {FirstName(reps[0])} doing?\" and your weekly digest show each rep's {ExpectationText.Measure(measure)} against it. Say \"team targets\" to see them all.");
    }

    public async Task<BotReply> ShowAsync(ShowTeamTargets command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return NotAManager();
        }

        var me = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (me is null)
        {
            return NotAManager();
        }

        var mine = me.TeamTargets.Select(t => new SetTarget(t, ExpectationSource.Chat));
        var filed = expectations.FileTargetsOfTeam(me).Where(f => me.TeamTargets.All(t => t.Measure != f.Measure)).Select(t => new SetTarget(t, ExpectationSource.File));
        var targets = mine.Concat(filed).OrderBy(t => t.Target.Measure).ToList();
        return BotReply.Card(TeamTargetsCard.Summary(targets, reps.Count), TeamTargetsCard.Build(targets, reps.Count));
    }

    public async Task<BotReply> RemoveAsync(RemoveTeamTarget command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command.Measure is not { } measure)
        {
            return BotReply.Plain($"There is no team target for \"{Shorten(command.KindWords)}\": targets count {Kinds}. Say \"team targets\" to see yours.");
        }

        var reps = await team.TeamOfAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (reps.Count == 0)
        {
            return NotAManager();
        }

        var had = false;
        UserProfile? manager = null;
        var saved = await profiles.UpdateAsync(
            context.Owner,
            p =>
            {
                manager = p;
                had = p?.TeamTargets.Any(t => t.Measure == measure) == true;
                return had ? p! with { TeamTargets = ActivityTargets.Without(p.TeamTargets, measure) } : null;
            },
            cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            return BotReply.Plain("I couldn't save that just now; please try again.");
        }

        var fromFile = manager is null ? null : expectations.FileTargetsOfTeam(manager).FirstOrDefault(t => t.Measure == measure);
        var fileNote = fromFile is null ? string.Empty : $" The targets file's {ExpectationText.Target(fromFile)} applies to your team again.";
        return BotReply.Plain(had
            ? $"Removed your team target for {ExpectationText.Measure(measure)}.{fileNote}"
            : $"You had no team target for {ExpectationText.Measure(measure)}.{fileNote} Say \"team targets\" to see yours.");
    }

    private static BotReply NotAManager() => BotReply.Plain(
        "Team targets are for managers: they apply to the reps who report to you, and nobody does yet. Reps join your team when they say \"my manager is\" and your name, or when an admin lists them in the managers file. Your own quota: \"my quota is 300k\".");

    private static string Reps(int count) => count == 1 ? "1 rep" : $"{count.ToString(UserFormat.Culture)} reps";

    /// <summary>"each of your 6 reps", but "your one rep": a team of one is no "each of".</summary>
    private static string EachOf(int count) => count == 1 ? "your one rep" : $"each of your {Reps(count)}";

    private static string FirstName(UserProfile rep) => TeamCard.RepName(rep).Split(' ')[0];

    // What the user typed comes back in the answer: kept short so a pasted paragraph is not echoed.
    private static string Shorten(string words) => words.Length <= 40 ? words : words[..40] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager {UserId} set a team target of {PerWeek} {Measure} a week for {RepCount} reps")]
    private static partial void LogTargetSet(ILogger logger, string userId, TargetMeasure measure, int perWeek, int repCount);
}
