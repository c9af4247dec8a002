using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>Sends each manager the scheduled digest of their team's stalled deals, and each rep their weekly summary.</summary>
public sealed class DigestSender(
    IUserProfileStore profiles,
    IDealStore deals,
    IReminderNotifier notifier,
    ManagerMapping mapping,
    Expectations expectations,
    SalesProcess process,
    IOptions<ReminderOptions> options,
    ILogger<DigestSender> logger)
{
    /// <summary>
    /// Each manager whose digest is due gets one. The next digest instant is written (with the profile's ETag) before
    /// sending, so only one instance sends a given digest; a failed send is tried again after the retry delay.
    /// </summary>
    /// <returns>
    /// How many digests and weekly summaries were sent. With digests turned off, no digest, and summaries only to the
    /// reps who asked for theirs ("weekly summary on").
    /// </returns>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digests = options.Value.DigestEnabled ? await SendDigestsDueAsync(now, cancellationToken).ConfigureAwait(false) : 0;
        return digests + await SendSummariesDueAsync(now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> SendDigestsDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var manager in await profiles.ListDigestsDueAsync(now, options.Value.BatchSize, cancellationToken).ConfigureAwait(false))
        {
            var claimed = manager with { NextDigestAt = StalledDeals.NextDigest(now, manager.Zone, options.Value, manager.Hours) };
            if (!await profiles.SaveAsync(claimed, manager.ETag, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var (stalled, isTeam) = await StalledDeals.ForAsync(manager, profiles, deals, mapping, process, now, cancellationToken).ConfigureAwait(false);
            if (!isTeam || !manager.ConversationActive || manager.ConversationReference is null)
            {
                continue;
            }

            var scorecard = await ScorecardAsync(manager, now, cancellationToken).ConfigureAwait(false);
            var result = await notifier.SendDigestAsync(manager, stalled, scorecard, cancellationToken).ConfigureAwait(false);
            if (result == NotifyResult.Sent)
            {
                sent++;
                logger.LogInformation("Digest of {Count} stalled deals sent to manager {ManagerId}", stalled.Count, manager.UserId);
            }
            else if (result == NotifyResult.Failed)
            {
                await profiles.UpdateAsync(manager.Key, m => m is null ? null : m with { NextDigestAt = now + options.Value.RetryDelay }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await profiles.MarkUnreachableAsync(manager.Key, cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    /// <summary>
    /// Each rep whose weekly summary is due gets their own scorecard line, claimed like the digest: the next instant is
    /// written with the profile's ETag first, so of two instances only one sends. A rep with no deals at all gets nothing.
    /// </summary>
    private async Task<int> SendSummariesDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var rep in await profiles.ListSummariesDueAsync(now, options.Value.BatchSize, cancellationToken).ConfigureAwait(false))
        {
            // Turned off since it was scheduled (by the rep, or digests by the admin): the claim clears the schedule instead of moving it on.
            var wanted = WeeklySummaries.IsWanted(rep, options.Value);
            var claimed = rep with { NextSummaryAt = wanted ? WeeklySummaries.Next(now, rep.Zone, rep.Hours) : null };
            if (!await profiles.SaveAsync(claimed, rep.ETag, cancellationToken).ConfigureAwait(false)
                || !wanted || !rep.ConversationActive || rep.ConversationReference is null)
            {
                continue;
            }

            var theirs = await deals.ListAsync(rep.Key, includeClosed: true, cancellationToken).ConfigureAwait(false);
            if (theirs.Count == 0)
            {
                continue;
            }

            // The rep's own manager (the one they named) sets their team targets; one point read.
            var manager = rep.ManagerUserId is { } managerId ? await profiles.GetAsync(new OwnerKey(rep.TenantId, managerId), cancellationToken).ConfigureAwait(false) : null;
            var row = WeeklyScorecard.For(rep, theirs, process, now, expectations.For(rep, manager));
            var result = await notifier.SendWeeklySummaryAsync(rep, row, cancellationToken).ConfigureAwait(false);
            if (result == NotifyResult.Sent)
            {
                sent++;
                logger.LogInformation("Weekly summary sent to {RepId}", rep.UserId);
            }
            else if (result == NotifyResult.Failed)
            {
                await profiles.UpdateAsync(rep.Key, r => r is { WeeklySummary: true } ? r with { NextSummaryAt = now + options.Value.RetryDelay } : null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await profiles.MarkUnreachableAsync(rep.Key, cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    /// <summary>A row per rep of the manager's team, each from one read of that rep's own deals.</summary>
    private async Task<IReadOnlyList<ScorecardRow>> ScorecardAsync(UserProfile manager, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var team = await new TeamReader(profiles, deals, mapping).TeamOfAsync(manager.Key, cancellationToken).ConfigureAwait(false);
        var rows = new List<ScorecardRow>();
        foreach (var rep in team)
        {
            await ScheduleSummaryAsync(rep, now, cancellationToken).ConfigureAwait(false);
            var theirs = await deals.ListAsync(rep.Key, includeClosed: true, cancellationToken).ConfigureAwait(false);
            rows.Add(WeeklyScorecard.For(rep, theirs, process, now, expectations.For(rep, manager)));
        }

        return rows;
    }

    /// <summary>
    /// A rep stored before weekly summaries existed has none scheduled until they write again; their manager's digest
    /// schedules it, so a rep who only reads their reminders is not left out for ever.
    /// </summary>
    private async Task ScheduleSummaryAsync(UserProfile rep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rep.NextSummaryAt is not null || !WeeklySummaries.IsWanted(rep, options.Value))
        {
            return;
        }

        var first = WeeklySummaries.Next(now, rep.Zone, rep.Hours);
        await profiles.UpdateAsync(rep.Key, p => p is { NextSummaryAt: null } && WeeklySummaries.IsWanted(p, options.Value) ? p with { NextSummaryAt = first } : null, cancellationToken).ConfigureAwait(false);
    }
}
