using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Hosting.Demo;

/// <summary>
/// With <see cref="DemoOptions.Enabled"/>, adds the demo team to the store before the bot starts answering. Idempotent:
/// once the manager's profile is stored, later starts add nothing; each deal's id comes from the seed and its number,
/// so a start that stopped half-way does not make twins either.
/// </summary>
public sealed class DemoDataSeeder(
    IOptions<DemoOptions> options,
    SalesProcess process,
    IDealStore deals,
    IUserProfileStore profiles,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        var counts = await SeedAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Demo data (seed {Seed}): added {People} people and {Deals} deals to tenant {TenantId}; manager {ManagerUserId}",
            demo.Seed, counts.People, counts.Deals, demo.TenantId, demo.ManagerUserId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inserts the team unless its manager is already stored; returns how many people and deals were added.</summary>
    public async Task<(int People, int Deals)> SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        var manager = new OwnerKey(demo.TenantId, demo.ManagerUserId);
        if (await profiles.GetAsync(manager, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Seeded before (the manager is written last), or the manager is a real user here: add nothing.
            return (0, 0);
        }

        var data = DemoTeam.Generate(process, demo.Seed, demo.TenantId, demo.ManagerUserId, time.GetUtcNow());
        var added = 0;
        foreach (var deal in data.Deals)
        {
            // An insert (no ETag) of an id already stored is a conflict: that deal came from a start that stopped half-way.
            var saved = await deals.SaveAsync(deal, expectedETag: null, cancellationToken).ConfigureAwait(false);
            added += saved.Status == SaveStatus.Saved ? 1 : 0;
        }

        // People last and the manager at the very end: the manager's profile is the mark that the team is complete.
        var people = 0;
        foreach (var person in data.People.OrderBy(p => p.Key == manager))
        {
            if (await profiles.GetAsync(person.Key, cancellationToken).ConfigureAwait(false) is null
                && await profiles.SaveAsync(person, expectedETag: null, cancellationToken).ConfigureAwait(false))
            {
                people++;
            }
        }

        return (people, added);
    }
}
