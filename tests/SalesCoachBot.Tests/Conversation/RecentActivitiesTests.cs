using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Tests.Conversation;

/// <summary>What one instance remembers of the activities it took up: each once, for a while, and never without bound.</summary>
public class RecentActivitiesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Of_concurrent_copies_of_one_activity_exactly_one_is_taken()
    {
        var recent = new RecentActivities(_time);

        var taken = Enumerable.Range(0, 50).AsParallel().Select(_ => recent.TryTake("t1", "act-1")).ToList();

        Assert.Equal(1, taken.Count(t => t));
    }

    [Fact]
    public void The_same_id_in_another_tenant_is_another_activity()
    {
        var recent = new RecentActivities(_time);

        Assert.True(recent.TryTake("t1", "act-1"));
        Assert.True(recent.TryTake("t2", "act-1"));
        Assert.True(recent.TryTake("t1|act", "1"));
    }

    [Fact]
    public void A_copy_after_the_window_is_taken_again()
    {
        var recent = new RecentActivities(_time);
        recent.TryTake("t1", "act-1");

        _time.Advance(RecentActivities.Window - TimeSpan.FromSeconds(1));
        Assert.False(recent.TryTake("t1", "act-1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(recent.TryTake("t1", "act-1"));
    }

    [Fact]
    public void A_released_activity_is_taken_again_so_a_failed_turn_gets_its_retry()
    {
        var recent = new RecentActivities(_time);
        recent.TryTake("t1", "act-1");

        recent.Release("t1", "act-1");

        Assert.True(recent.TryTake("t1", "act-1"));
        Assert.False(recent.TryTake("t1", "act-1"));
    }

    [Fact]
    public void It_keeps_at_most_its_capacity_forgetting_the_oldest_first()
    {
        var recent = new RecentActivities(_time);

        for (var i = 0; i < RecentActivities.Capacity + 500; i++)
        {
            recent.TryTake("t1", $"act-{i}");
        }

        Assert.Equal(RecentActivities.Capacity, recent.Count);
        Assert.True(recent.TryTake("t1", "act-0"));
        Assert.False(recent.TryTake("t1", $"act-{RecentActivities.Capacity + 499}"));
    }

    [Fact]
    public void It_empties_as_the_window_passes()
    {
        var recent = new RecentActivities(_time);
        for (var i = 0; i < 100; i++)
        {
            recent.TryTake("t1", $"act-{i}");
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        _time.Advance(RecentActivities.Window);

        Assert.Equal(0, recent.Count);
    }
}
