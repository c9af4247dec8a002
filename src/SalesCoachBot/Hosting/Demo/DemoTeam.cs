using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Hosting.Demo;

/// <summary>The people and deals of a demo team, as they would be stored.</summary>
public sealed record DemoData(IReadOnlyList<UserProfile> People, IReadOnlyList<Deal> Deals);

/// <summary>
/// A realistic team for a newcomer to explore: a manager who also sells, six reps across the three selling models, and a
/// year of deals. Every deal is built the way a rep's chat builds it, through <see cref="DealRules"/> and
/// <see cref="ReminderLadder.AfterChange"/>, on a clock walked forward through the year, so the data keeps the domain's
/// invariants (history in time order, closes only from open stages, next steps and close dates never set in the past).
/// </summary>
/// <remarks>
/// Pure: the same seed, process and end instant give the same data. A plain <see cref="Random"/> with the seed is enough
/// for this (Bogus would add a package for a list of company names; its global seed is also shared mutable state).
/// </remarks>
public static class DemoTeam
{
    /// <summary>The default Microsoft 365 Agents Playground tenant and user (Alex Wilber): the demo's manager.</summary>
    public const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";

    public const string PlaygroundUserId = "00000000-0000-0000-0000-0000000000020";

    private static readonly (string Id, string Name, string Email, string ModelId, string TimeZone)[] _reps =
    [
        // The Playground's other default users, so a chat as one of them (its user switcher) sees their own deals.
        ("00000000-0000-0000-0000-0000000000021", "Megan Bowen", "meganb@example.com", "consultative", "America/New_York"),
        ("00000000-0000-0000-0000-0000000000022", "Adele Vance", "adelev@example.com", "transactional", "America/Chicago"),
        ("00000000-0000-0000-0000-0000000000023", "Isaiah Langer", "isaiahl@example.com", "enterprise", "Europe/London"),
        ("00000000-0000-0000-0000-0000000000024", "Patti Fernandez", "pattif@example.com", "consultative", "America/Los_Angeles"),
        ("00000000-0000-0000-0000-0000000000025", "Lynne Robbins", "lynner@example.com", "transactional", "America/Denver"),
        ("00000000-0000-0000-0000-0000000000026", "Diego Siciliani", "diegos@example.com", "enterprise", "Europe/Berlin"),
    ];

    private static readonly string[] _companies =
    [
        "Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Woodgrove Bank", "Litware", "Adventure Works",
        "Alpine Ski House", "Blue Yonder Airlines", "Coho Winery", "Fourth Coffee", "Lamna Healthcare", "Margie's Travel",
        "Proseware", "Relecloud", "Trey Research", "Wide World Importers", "Wingtip Toys", "Southridge Video",
        "VanArsdel", "Humongous Insurance", "Lucerne Publishing", "Nod Publishers", "Consolidated Messenger",
        "City Power & Light", "Bellows College", "A. Datum", "Graphic Design Institute", "School of Fine Art",
        "Best For You Organics", "Munson's Pickles", "First Up Consultants", "Tasmanian Traders", "Liberty Delightful",
    ];

    private static readonly string[] _topics =
    [
        "rollout", "expansion", "pilot", "renewal", "upgrade", "new site", "platform deal", "second team", "annual plan",
    ];

    private static readonly string[] _lossReasons =
    [
        "went with a competitor", "no budget this year", "price too high", "no decision, project shelved",
        "champion left the company", "chose to build it in-house", "timing: revisit next year",
    ];

    private static readonly Dictionary<ActivityKind, string[]> _notes = new()
    {
        [ActivityKind.Call] = ["discussed pricing", "checked the timeline", "introduced the team", "answered security questions", "talked through next steps"],
        [ActivityKind.Meeting] = ["met the economic buyer", "workshop on requirements", "onsite visit", "review with procurement"],
        [ActivityKind.Email] = ["sent the case study", "sent the recap", "shared the mutual action plan", "followed up on the quote"],
        [ActivityKind.Demo] = ["demo for the users", "tailored demo for IT", "demo of the reporting"],
        [ActivityKind.ProposalSent] = ["sent the proposal", "sent the revised proposal"],
        [ActivityKind.Other] = ["lunch with the champion", "reference call arranged"],
    };

    /// <summary>The team and a year of their deals up to <paramref name="end"/>.</summary>
    public static DemoData Generate(SalesProcess process, int seed, string tenantId, string managerUserId, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(process);
        var random = new Random(seed);
        var start = end.AddDays(-365);
        var manager = new UserProfile
        {
            TenantId = tenantId,
            UserId = managerUserId,
            Name = "Alex Wilber",
            Email = "alexw@example.com",
            TimeZoneId = "America/New_York",
            FirstSeen = start,
            LastSeen = start,

            // Weekly targets as the manager would say them ("team target: 6 calls a week per rep"), so team stats and
            // "how is Dana doing?" show each rep against expectations.
            TeamTargets = [new ActivityTarget(TargetMeasure.Calls, 6), new ActivityTarget(TargetMeasure.Meetings, 2), new ActivityTarget(TargetMeasure.NewDeals, 1)],
        };
        var people = new List<UserProfile> { manager };
        var deals = new List<Deal>();

        // The manager sells a little too (a player-coach), so "my deals" shows something for the local user as well.
        deals.AddRange(new RepYear(process, random, manager, "consultative", start, end, dealsPerMonth: 2.0, seed).Deals());
        foreach (var rep in _reps)
        {
            var profile = new UserProfile
            {
                TenantId = tenantId,
                UserId = rep.Id,
                Name = rep.Name,
                Email = rep.Email,
                TimeZoneId = rep.TimeZone,
                ManagerUserId = managerUserId,
                FirstSeen = start,
                LastSeen = start,
            };
            people.Add(profile);
            var rate = rep.ModelId switch { "transactional" => 5.0, "consultative" => 2.5, _ => 2.0 };
            deals.AddRange(new RepYear(process, random, profile, rep.ModelId, start, end, rate, seed).Deals());
        }

        return new DemoData(people, deals);
    }

    /// <summary>One person's year of selling: deals created through the year, each walked through its stages.</summary>
    private sealed class RepYear(
        SalesProcess process, Random random, UserProfile rep, string mainModelId, DateTimeOffset start, DateTimeOffset end, double dealsPerMonth, int seed)
    {
        private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
        private readonly Actor _actor = new(rep.Name ?? "rep", null);

        public IEnumerable<Deal> Deals()
        {
            var owner = rep.Key;
            var meanGapDays = 30.0 / dealsPerMonth;
            var at = start.AddDays(random.NextDouble() * meanGapDays);
            for (var n = 0; at < end; n++)
            {
                // One deal in five is of another model, so each rep's numbers cover more than one row of the matrix.
                var model = random.NextDouble() < 0.2
                    ? process.Models[random.Next(process.Models.Count)]
                    : process.FindModel(mainModelId) ?? process.DefaultModel;
                var created = WorkingTime(at);
                if (created >= end)
                {
                    yield break;
                }

                if (Walk(owner, model, created, n) is { } deal)
                {
                    yield return deal;
                }

                at = at.AddDays(-Math.Log(1 - random.NextDouble()) * meanGapDays);
            }
        }

        /// <summary>Creates the deal at <paramref name="created"/> and plays its life forward until it closes, stalls, or the year ends.</summary>
        private Deal? Walk(OwnerKey owner, SellingModel model, DateTimeOffset created, int number)
        {
            var create = new Actor(_actor.UserName, $"demo:{seed}:{rep.UserId}:{number}");
            var amount = new Money(Amount(model), "USD");
            var deal = DealRules.Create(owner, Name(), amount, model, created, create).Deal;
            if (deal is null)
            {
                return null;
            }

            deal = ReminderLadder.AfterChange(null, deal, process);
            if (random.NextDouble() < 0.7 && process.CustomerTypes.Count > 0)
            {
                deal = Apply(deal, d => DealRules.SetCustomerType(d, process.CustomerTypes[random.Next(process.CustomerTypes.Count)], created, _actor));
            }

            var cycle = model.OpenStages.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.AllowedTime ?? TimeSpan.FromDays(14)));
            deal = Apply(deal, d => DealRules.SetExpectedClose(d, Day(created + (cycle * (0.8 + (random.NextDouble() * 0.6)))), Day(created), created, _actor));

            var now = created;
            var skippedCriteria = 0;
            foreach (var stage in model.OpenStages)
            {
                deal = Apply(deal, d => NextStep(d, stage, now));
                var allowed = stage.AllowedTime ?? TimeSpan.FromDays(14);

                // Most stages take about their allowed time; one in eight runs far over it (a stall the reminders chase).
                var stall = random.NextDouble() < 0.05;
                var stay = allowed * (stall ? 1.6 + (random.NextDouble() * 1.5) : 0.35 + (random.NextDouble() * 0.9));
                var leave = WorkingTime(now + stay);
                deal = Activities(deal, model, now, leave < end ? leave : end);
                if (leave >= end)
                {
                    return deal;
                }

                if (stall)
                {
                    // A stall goes quiet; one that went quiet months ago has since been written off, as a manager would.
                    var writtenOff = WorkingTime(leave.AddDays(30 + random.Next(30)));
                    return writtenOff < end.AddDays(-45)
                        ? Apply(deal, d => DealRules.Close(d, model, won: false, "went dark, no decision", writtenOff, _actor))
                        : deal;
                }

                now = leave;

                // Deals that skipped exit criteria lose more often: what the process report should find.
                var lose = random.NextDouble() < 0.07 + (0.06 * Math.Min(skippedCriteria, 3));
                if (lose)
                {
                    var reason = _lossReasons[random.Next(_lossReasons.Length)];
                    return Apply(deal, d => DealRules.Close(d, model, won: false, reason, now, _actor));
                }

                var unconfirmed = stage.ExitCriteria.Where(_ => random.NextDouble() < 0.06).ToList();
                skippedCriteria += unconfirmed.Count;
                if (model.NextOpenStage(stage) is { } next)
                {
                    deal = Apply(deal, d => DealRules.MoveTo(d, model, next, now, _actor, unconfirmed));
                }
                else
                {
                    return Apply(deal, d => DealRules.Close(d, model, won: true, reason: null, now, _actor));
                }
            }

            return deal;
        }

        private DealChange NextStep(Deal deal, Stage stage, DateTimeOffset now)
        {
            var steps = stage.FollowUps.Count > 0 ? stage.FollowUps : stage.Actions;
            if (steps.Count == 0)
            {
                return DealChange.Changed(deal);
            }

            var today = Day(now);
            return DealRules.SetNextStep(deal, steps[random.Next(steps.Count)], today.AddDays(random.Next(5, 21)), today, now, _actor);
        }

        /// <summary>Calls, emails, meetings and demos every few working days while the deal sits in a stage.</summary>
        private Deal Activities(Deal deal, SellingModel model, DateTimeOffset from, DateTimeOffset until)
        {
            var at = from.AddDays(1 + (random.NextDouble() * 3));
            while (at < until)
            {
                var kind = Kind();
                var notes = _notes[kind];
                var note = notes[random.Next(notes.Length)];
                var when = WorkingTime(at);
                if (when >= until)
                {
                    break;
                }

                deal = Apply(deal, d => DealRules.LogActivity(d, kind, Day(when), note, Day(when), when, _actor));

                // After most calls and meetings the rep agrees the next step, so a working deal's next step stays current.
                if (random.NextDouble() < 0.8 && model.GetStage(deal.StageId) is { } stage)
                {
                    deal = Apply(deal, d => NextStep(d, stage, when));
                }
                at = when.AddDays(2 + (random.NextDouble() * 6));
            }

            return deal;
        }

        private ActivityKind Kind() => random.Next(20) switch
        {
            < 8 => ActivityKind.Call,
            < 13 => ActivityKind.Email,
            < 16 => ActivityKind.Meeting,
            < 18 => ActivityKind.Demo,
            < 19 => ActivityKind.ProposalSent,
            _ => ActivityKind.Other,
        };

        private Deal Apply(Deal deal, Func<Deal, DealChange> change)
        {
            var changed = change(deal).Deal;
            return changed is null ? deal : ReminderLadder.AfterChange(deal, changed, process);
        }

        private decimal Amount(SellingModel model)
        {
            var (low, high) = model.Id switch
            {
                "transactional" => (2, 15),
                "enterprise" => (150, 900),
                _ => (20, 120),
            };
            return random.Next(low, high + 1) * 1000m;
        }

        private string Name()
        {
            while (true)
            {
                var name = $"{_companies[random.Next(_companies.Length)]} {_topics[random.Next(_topics.Length)]}";
                if (_names.Add(name))
                {
                    return name;
                }
            }
        }

        /// <summary>The next weekday between 09:00 and 17:00 UTC at or after <paramref name="at"/>.</summary>
        private DateTimeOffset WorkingTime(DateTimeOffset at)
        {
            var day = at.UtcDateTime.Date;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            var minutes = 9 * 60 + random.Next(8 * 60);
            var when = new DateTimeOffset(day.AddMinutes(minutes), TimeSpan.Zero);
            return when < at ? at : when;
        }

        private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
    }
}
