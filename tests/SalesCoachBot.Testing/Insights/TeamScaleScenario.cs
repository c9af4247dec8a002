using System.Diagnostics;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Testing.Insights;

/// <summary>What one run of the team questions took, and over how many deals.</summary>
public sealed record TeamScaleTimings(int Reps, int DealsRead, TimeSpan TeamForecast, TimeSpan TeamStats, decimal CommitTotal, int WonThisQuarter)
{
    /// <summary>How many times slower team stats are than team forecast: a ratio, for the benchmark project.</summary>
    public double StatsOverForecast => TeamStats.TotalMilliseconds / Math.Max(TeamForecast.TotalMilliseconds, 0.001);
}

/// <summary>
/// A manager with <see cref="Reps"/> reps of <see cref="DealsPerRep"/> deals each, made through the deal rules from a
/// fixed seed (a year of deals: stage moves, activities, wins, losses, open deals closing in the coming months), and
/// the manager's two team questions timed on whatever stores it is given. Reused by the benchmark project.
/// </summary>
public sealed class TeamScaleScenario(int reps = 50, int dealsPerRep = 2_000, int seed = 13)
{
    public const string TenantId = "tenant-scale";

    public int Reps => reps;

    public int DealsPerRep => dealsPerRep;

    public OwnerKey Manager { get; } = new(TenantId, "manager");

    /// <summary>"Now" for the scenario: deals were made in the year before it.</summary>
    public DateTimeOffset Now { get; } = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The manager and the reps (each naming the manager), then every rep's deals, <paramref name="parallel"/> saves at a time.</summary>
    public async Task SeedAsync(IDealStore deals, IUserProfileStore profiles, SalesProcess process, int parallel = 4, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(process);
        await profiles.SaveAsync(new UserProfile { TenantId = TenantId, UserId = Manager.UserId, Name = "Morgan Manager", FirstSeen = Now, LastSeen = Now }, null, cancellationToken);
        for (var r = 0; r < reps; r++)
        {
            await profiles.SaveAsync(new UserProfile { TenantId = TenantId, UserId = RepId(r), Name = $"Rep {r:D2}", ManagerUserId = Manager.UserId, FirstSeen = Now, LastSeen = Now }, null, cancellationToken);
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, reps),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (r, ct) =>
            {
                foreach (var deal in DealsOf(r, process))
                {
                    await deals.SaveAsync(deal, null, ct);
                }
            });
    }

    /// <summary>One rep's deals, the same for the same seed.</summary>
    public IEnumerable<Deal> DealsOf(int rep, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var random = new Random((seed * 10_007) + rep); // not HashCode.Combine: that is randomized per process
        var owner = new OwnerKey(TenantId, RepId(rep));
        var kinds = Enum.GetValues<Core.Understanding.ActivityKind>();
        for (var i = 0; i < dealsPerRep; i++)
        {
            var model = process.Models[random.Next(process.Models.Count)];
            var created = Now.AddDays(-random.Next(1, 365)).AddHours(random.Next(0, 10));
            var actor = new Actor($"Rep {rep:D2}", $"seed-{rep}-{i}");
            var deal = UndoTrail.Record(null, DealRules.Create(owner, $"Account {rep:D2}-{i:D4}", new Money(random.Next(5, 300) * 1_000, "USD"), model, created, actor).Deal!, created);
            var at = created;
            var open = model.OpenStages;
            var reach = random.Next(open.Count);
            for (var s = 1; s <= reach; s++)
            {
                at = at.AddDays(random.Next(1, 25));
                if (at >= Now)
                {
                    break;
                }

                var skipped = random.Next(4) == 0 ? open[s - 1].ExitCriteria.Take(1).ToList() : null;
                deal = Recorded(deal, DealRules.MoveTo(deal, model, open[s], at, actor, skipped).Deal, at);
            }

            // A rep with 2,000 deals a year closes most of them: about 1 in 20 is still open, a third of the closed are won.
            var fate = random.Next(60);
            var closeAt = at.AddDays(random.Next(1, 30));
            if (fate >= 3 && closeAt < Now)
            {
                var won = fate < 22;
                deal = Recorded(deal, DealRules.Close(deal, model, won, won ? null : "price", closeAt, actor).Deal, closeAt);
            }
            else
            {
                deal = Recorded(deal, deal with { ExpectedClose = DateOnly.FromDateTime(Now.AddDays(random.Next(-20, 150)).UtcDateTime) }, at);
            }

            // Activities during the deal's life: from its creation to its close (or to now while it is open).
            // Each logged as a change of its own, so each leaves an undo entry as DealUpdater's would.
            var end = deal.ClosedAt ?? Now;
            var done = new List<(DateOnly Day, Core.Understanding.ActivityKind Kind)>();
            for (var a = random.Next(6); a > 0; a--)
            {
                done.Add((DateOnly.FromDateTime(created.AddDays(random.Next(0, Math.Max(1, (int)(end - created).TotalDays))).UtcDateTime), kinds[random.Next(kinds.Length)]));
            }

            foreach (var (day, kind) in done.OrderBy(d => d.Day))
            {
                var logged = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                deal = Recorded(deal, deal with { Activities = [.. deal.Activities, new DealActivity(kind, day, null, created, actor.UserName)] }, logged);
            }

            // As logging through the deal rules would: a change's instant is never after the deal's UpdatedAt.
            var lastDone = deal.Activities.Select(a => new DateTimeOffset(a.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).DefaultIfEmpty(deal.UpdatedAt).Max();
            yield return deal with { UpdatedAt = lastDone > deal.UpdatedAt ? lastDone : deal.UpdatedAt };
        }
    }

    /// <summary>Times the manager's "team forecast this quarter" and "team stats this quarter": reading the team and computing.</summary>
    public async Task<TeamScaleTimings> MeasureAsync(TeamReader team, SalesProcess process, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, today, TimeZoneInfo.Utc);

        var clock = Stopwatch.StartNew();
        var members = await team.TeamOfAsync(Manager, cancellationToken);
        var read = await team.DealsChangedSinceAsync(members, quarter.StartsAt, cancellationToken);
        var perRep = read.Select(r => Forecast.For(r.Deals, process, quarter, today)).ToList();
        var forecast = Forecast.For(read.SelectMany(r => r.Deals), process, quarter, today);
        var forecastTime = clock.Elapsed;

        clock.Restart();
        members = await team.TeamOfAsync(Manager, cancellationToken);
        read = await team.DealsChangedSinceAsync(members, quarter.Previous().StartsAt, cancellationToken);
        var repStats = read.Select(r => RepStats.For(r.Deals, process, quarter, Now)).ToList();
        var stats = RepStats.For(read.SelectMany(r => r.Deals).ToList(), process, quarter, Now);
        var statsTime = clock.Elapsed;

        _ = (perRep.Count, repStats.Count);
        return new TeamScaleTimings(members.Count, read.Sum(r => r.Deals.Count), forecastTime, statsTime, forecast.Commit.In("USD"), stats.Current.Won);
    }

    private static string RepId(int rep) => $"rep-{rep:D2}";

    // As DealUpdater saves a change: the deal before it goes onto the undo trail (a deal document's largest part).
    private static Deal Recorded(Deal before, Deal? after, DateTimeOffset at) => after is null ? before : UndoTrail.Record(before, after, at);
}
