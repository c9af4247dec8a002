using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Storage;

/// <summary>
/// Remembers when the store last refused a user's turn (<see cref="StoreFaults.IsUnavailable"/>), so that /healthz
/// says what users see. A probe alone can miss it: Cosmos DB may throttle or refuse writes while its metadata reads
/// answer, and a full disk refuses a commit that a rolled-back probe never makes. /healthz answers 503 for
/// <see cref="HealInterval"/> after the last such turn, then goes back to its probe: the bot heals by itself, without a
/// restart, within that interval of the fault clearing.
/// </summary>
public sealed class StoreFaultMemory(TimeProvider time)
{
    /// <summary>Under the minute issue 15 allows for healing; long enough for App Service's health check (a ping a minute) to see a fault that comes and goes.</summary>
    public static readonly TimeSpan HealInterval = TimeSpan.FromSeconds(30);

    private long _lastFaultTicks = long.MinValue;

    public void RecordFault() => Interlocked.Exchange(ref _lastFaultTicks, time.GetUtcNow().UtcTicks);

    /// <summary>True while the last refused turn is less than <see cref="HealInterval"/> ago.</summary>
    public bool FaultedRecently()
    {
        var last = Interlocked.Read(ref _lastFaultTicks);
        return last != long.MinValue && time.GetUtcNow().UtcTicks - last < HealInterval.Ticks;
    }
}

/// <summary>/healthz: unhealthy while a turn was refused by the store recently, otherwise what the store's own probe says.</summary>
internal sealed class RememberingStoreHealth(IStoreHealth probe, StoreFaultMemory faults) : IStoreHealth
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        !faults.FaultedRecently() && await probe.IsHealthyAsync(cancellationToken).ConfigureAwait(false);
}
