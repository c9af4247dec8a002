using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Deals;

public class DealUpdaterTests
{
    private static readonly OwnerKey _owner = new("t", "u");

    private static Deal Deal(string etag) => new()
    {
        Id = "d1",
        TenantId = "t",
        OwnerId = "u",
        Name = "Contoso",
        ModelId = "consultative",
        StageId = "prospect",
        StageEnteredAt = DateTimeOffset.UnixEpoch,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        ETag = etag,
    };

    [Fact]
    public async Task A_conflicting_save_is_retried_on_a_fresh_read()
    {
        var store = new Mock<IDealStore>();
        store.SetupSequence(s => s.GetAsync(_owner, "d1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Deal("v1"))
            .ReturnsAsync(Deal("v2"));
        store.Setup(s => s.SaveAsync(It.IsAny<Deal>(), "v1", It.IsAny<CancellationToken>())).ReturnsAsync(SaveResult.Conflict);
        store.Setup(s => s.SaveAsync(It.IsAny<Deal>(), "v2", It.IsAny<CancellationToken>()))
            .ReturnsAsync((Deal d, string _, CancellationToken _) => new SaveResult(SaveStatus.Saved, d with { ETag = "v3" }));
        var updater = new DealUpdater(store.Object, SalesCoachBot.Core.Process.ProcessLoader.LoadDefault(), NullLogger<DealUpdater>.Instance);

        var outcome = await updater.UpdateAsync(_owner, "d1", "act", d => DealChange.Changed(d with { Amount = new Money(5, null) }), CancellationToken.None);

        Assert.Equal(UpdateStatus.Applied, outcome.Status);
        Assert.Equal("v3", outcome.Deal!.ETag);
        store.Verify(s => s.SaveAsync(It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task An_activity_already_applied_is_not_applied_again()
    {
        var store = new Mock<IDealStore>();
        store.Setup(s => s.GetAsync(_owner, "d1", It.IsAny<CancellationToken>())).ReturnsAsync(Deal("v1") with { AppliedActivities = ["act"] });
        var updater = new DealUpdater(store.Object, SalesCoachBot.Core.Process.ProcessLoader.LoadDefault(), NullLogger<DealUpdater>.Instance);

        var outcome = await updater.UpdateAsync(_owner, "d1", "act", d => DealChange.Changed(d), CancellationToken.None);

        Assert.Equal(UpdateStatus.AlreadyApplied, outcome.Status);
        store.Verify(s => s.SaveAsync(It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_deal_the_turn_already_read_is_saved_against_without_reading_it_again()
    {
        var store = new Mock<IDealStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<Deal>(), "v1", It.IsAny<CancellationToken>()))
            .ReturnsAsync((Deal d, string _, CancellationToken _) => new SaveResult(SaveStatus.Saved, d with { ETag = "v2" }));
        var updater = new DealUpdater(store.Object, SalesCoachBot.Core.Process.ProcessLoader.LoadDefault(), NullLogger<DealUpdater>.Instance);

        var outcome = await updater.UpdateAsync(Deal("v1"), "act", d => DealChange.Changed(d with { Amount = new Money(5, null) }), CancellationToken.None);

        Assert.Equal(UpdateStatus.Applied, outcome.Status);
        Assert.Equal(5, outcome.Deal!.Amount!.Value.Amount);
        store.Verify(s => s.GetAsync(It.IsAny<OwnerKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_deal_read_before_a_concurrent_copy_applied_the_same_activity_is_read_again_and_not_changed_twice()
    {
        var store = new Mock<IDealStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<Deal>(), "v1", It.IsAny<CancellationToken>())).ReturnsAsync(SaveResult.Conflict);
        store.Setup(s => s.GetAsync(_owner, "d1", It.IsAny<CancellationToken>())).ReturnsAsync(Deal("v2") with { AppliedActivities = ["act"] });
        var updater = new DealUpdater(store.Object, SalesCoachBot.Core.Process.ProcessLoader.LoadDefault(), NullLogger<DealUpdater>.Instance);

        var outcome = await updater.UpdateAsync(Deal("v1"), "act", d => DealChange.Changed(d with { Amount = new Money(5, null) }), CancellationToken.None);

        Assert.Equal(UpdateStatus.AlreadyApplied, outcome.Status);
        store.Verify(s => s.SaveAsync(It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Endless_conflicts_give_up_after_a_bounded_number_of_attempts()
    {
        var store = new Mock<IDealStore>();
        store.Setup(s => s.GetAsync(_owner, "d1", It.IsAny<CancellationToken>())).ReturnsAsync(Deal("v1"));
        store.Setup(s => s.SaveAsync(It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SaveResult.Conflict);
        var updater = new DealUpdater(store.Object, SalesCoachBot.Core.Process.ProcessLoader.LoadDefault(), NullLogger<DealUpdater>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            updater.UpdateAsync(_owner, "d1", "act", d => DealChange.Changed(d), CancellationToken.None));
        store.Verify(s => s.SaveAsync(It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(DealUpdater.MaxAttempts));
    }
}
