namespace SalesCoachBot.Conversation;

/// <summary>
/// The activities (and card clicks) this instance has taken up lately, in memory: a copy of one arriving while the first
/// is still being handled, or soon after it was answered, is not handled again. Free (no store write on any turn), but it knows only
/// this instance: with several instances a copy may reach another one, where a change is still applied once (the deal
/// holds the activity id, written with the change) but a question may be answered twice.
/// Bounded twice: an entry expires after <see cref="Window"/>, and at most <see cref="Capacity"/> are kept (the oldest go
/// first). A singleton service, not static state: each host (and each test host) has its own.
/// </summary>
public sealed class RecentActivities(TimeProvider time)
{
    /// <summary>Teams retries within seconds to a minute or two; ten minutes covers every retry it makes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>
    /// About ten minutes of messages at 15 turns a second; beyond that the oldest are forgotten early, which can only let a
    /// late copy of a question be answered again (a change never applies twice: the deal remembers it).
    /// </summary>
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _taken = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();

    /// <summary>True for the first copy of an activity within the window; false for every other copy (concurrent or late).</summary>
    public bool TryTake(string tenantId, string activityId)
    {
        var key = Key(tenantId, activityId);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (_taken.ContainsKey(key))
            {
                return false;
            }

            _taken[key] = now;
            _order.Enqueue((key, now));
            while (_taken.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                Forget(oldest);
            }

            return true;
        }
    }

    /// <summary>Gives an activity back when its turn failed, so that Teams' retry of it is handled rather than ignored.</summary>
    public void Release(string tenantId, string activityId)
    {
        lock (_gate)
        {
            _taken.Remove(Key(tenantId, activityId));
        }
    }

    /// <summary>How many activities are remembered now (for the tests of the bounds).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Expire(time.GetUtcNow());
                return _taken.Count;
            }
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.At >= Window)
        {
            _order.Dequeue();
            Forget(oldest);
        }
    }

    // A released and taken-again key has a newer entry than the queued one: only the entry of that moment is forgotten.
    private void Forget((string Key, DateTimeOffset At) entry)
    {
        if (_taken.TryGetValue(entry.Key, out var at) && at == entry.At)
        {
            _taken.Remove(entry.Key);
        }
    }

    // Tenant and id joined by a character neither contains unescaped in Teams ids, so no two pairs make one key.
    private static string Key(string tenantId, string activityId) => $"{tenantId.Length}:{tenantId}|{activityId}";
}
