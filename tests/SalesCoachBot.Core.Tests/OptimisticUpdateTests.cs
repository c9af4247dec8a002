using Moq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Tests;

public class OptimisticUpdateTests
{
    private static readonly OwnerKey _dana = new("t", "dana");

    private static UserProfile Profile(string etag, string? name = "Dana") => new()
    {
        TenantId = "t",
        UserId = "dana",
        Name = name,
        FirstSeen = DateTimeOffset.UnixEpoch,
        LastSeen = DateTimeOffset.UnixEpoch,
        ETag = etag,
    };

    /// <summary>A store whose reads return the given versions in turn, and whose writes succeed only over <paramref name="accepts"/>.</summary>
    private sealed class ScriptedStore(string accepts, params string[] reads)
    {
        private int _read;

        public List<(UserProfile Written, string? Over)> Writes { get; } = [];

        public Task<UserProfile?> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<UserProfile?>(Profile(reads[Math.Min(_read++, reads.Length - 1)]));

        public int Reads => _read;

        public Task<UserProfile?> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
        {
            Writes.Add((profile, expectedETag));
            return Task.FromResult(expectedETag == accepts ? profile with { ETag = accepts + "+1" } : null);
        }
    }

    [Fact]
    public async Task A_conflict_is_retried_on_a_fresh_read_and_the_change_is_written_over_the_version_it_saw()
    {
        var store = new ScriptedStore(accepts: "v2", "v1", "v2");
        var conflicts = new List<int>();

        var result = await OptimisticUpdate.ApplyAsync(store.ReadAsync, p => p! with { Name = "Dana Lee" }, store.SaveAsync, 3, CancellationToken.None, conflicts.Add);

        Assert.Equal(OptimisticUpdateStatus.Saved, result.Status);
        Assert.Equal(["v1", "v2"], store.Writes.Select(w => w.Over));
        Assert.Equal("v2", result.Read!.ETag);
        Assert.Equal("v2+1", result.Saved!.ETag);
        Assert.Equal([1], conflicts);
    }

    [Fact]
    public async Task A_change_that_asks_for_nothing_writes_nothing()
    {
        var store = new ScriptedStore(accepts: "v1", "v1");

        var result = await OptimisticUpdate.ApplyAsync<UserProfile>(store.ReadAsync, _ => null, store.SaveAsync, 3, CancellationToken.None);

        Assert.Equal(OptimisticUpdateStatus.Unchanged, result.Status);
        Assert.Equal("v1", result.Read!.ETag);
        Assert.Empty(store.Writes);
    }

    [Fact]
    public async Task Endless_conflicts_give_up_after_the_bound_without_throwing()
    {
        var store = new ScriptedStore(accepts: "never", "v1", "v2", "v3", "v4");

        var result = await OptimisticUpdate.ApplyAsync(store.ReadAsync, p => p, store.SaveAsync, 3, CancellationToken.None);

        Assert.Equal(OptimisticUpdateStatus.GaveUp, result.Status);
        Assert.Equal(3, store.Writes.Count);
        Assert.Null(result.Saved);
    }

    [Fact]
    public async Task A_version_already_in_hand_is_changed_without_reading_it_again()
    {
        var store = new ScriptedStore(accepts: "v1", "v0");

        var result = await OptimisticUpdate.ApplyAsync(store.ReadAsync, p => p, store.SaveAsync, 3, CancellationToken.None, alreadyRead: Profile("v1"));

        Assert.Equal(OptimisticUpdateStatus.Saved, result.Status);
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task A_change_that_must_ask_something_first_runs_on_each_fresh_read()
    {
        var store = new ScriptedStore(accepts: "v2", "v1", "v2");
        var asked = 0;

        var result = await OptimisticUpdate.ApplyAsync(
            store.ReadAsync,
            async (p, ct) =>
            {
                await Task.Yield();
                asked++;
                return p! with { Name = "Dana Lee" };
            },
            store.SaveAsync,
            3,
            CancellationToken.None);

        Assert.Equal(OptimisticUpdateStatus.Saved, result.Status);
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task A_profile_update_is_false_only_when_every_attempt_conflicted()
    {
        var stores = new Support.InMemoryStores();
        await stores.SaveAsync(Profile("ignored") with { ETag = null }, null, CancellationToken.None);
        var conflicting = new Mock<IUserProfileStore>();
        conflicting.Setup(s => s.GetAsync(_dana, It.IsAny<CancellationToken>())).ReturnsAsync(Profile("v1"));
        conflicting.Setup(s => s.SaveAsync(It.IsAny<UserProfile>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        Assert.True(await stores.UpdateAsync(_dana, p => p! with { Name = "Dana Lee" }, CancellationToken.None));
        Assert.Equal("Dana Lee", (await stores.GetAsync(_dana, CancellationToken.None))!.Name);
        Assert.False(await conflicting.Object.UpdateAsync(_dana, p => p! with { Name = "Dana Lee" }, CancellationToken.None));
        conflicting.Verify(s => s.SaveAsync(It.IsAny<UserProfile>(), "v1", It.IsAny<CancellationToken>()), Times.Exactly(UserProfileUpdates.MaxAttempts));
    }
}
