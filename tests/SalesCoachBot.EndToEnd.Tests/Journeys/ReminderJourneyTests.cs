using SalesCoachBot.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace SalesCoachBot.EndToEnd.Tests.Journeys;

/// <summary>
/// Reminders in real time: with the demo process (20 seconds allowed in Prospect, 5-second graces) and a one-second
/// sweep, a reminder arrives in the rep's chat unasked, is snoozed from its card, and a deal left alone climbs the
/// ladder to a nudge in the manager's own chat (the manager is a second Playground, a second user of the tenant).
/// </summary>
[Collection(ReminderCollectionDefinition.Name)]
public sealed class ReminderJourneyTests(ReminderFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan _ladder = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task A_reminder_arrives_unasked_is_snoozed_from_its_card_and_a_stalled_deal_reaches_the_manager()
    {
        var snoozed = Unique.Name("Alpine");
        var stalled = Unique.Name("Boreal");
        await using var manager = await ChatPage.OpenAsync(fixture.Browser, fixture.ManagerPlayground, output, "reminders-manager");
        await manager.WaitForCardAsync("I'm Sales Coach");
        await manager.SayAsync("my hours 0-24 every day");
        await manager.WaitForTextAsync("Got it: I'll only message you");

        await using var rep = await ChatPage.OpenAsync(fixture.Browser, fixture.RepPlayground, output, "reminders-rep");
        await rep.WaitForCardAsync("I'm Sales Coach");
        await rep.SayAsync("my hours 0-24 every day");
        await rep.WaitForTextAsync("Got it: I'll only message you");
        await rep.SayAsync($"new deal {snoozed} 20k");
        await rep.WaitForCardAsync($"Created {snoozed} (Demo), now in Prospect.");

        // Nobody writes: the reminder comes on its own once Prospect's 20 seconds are up.
        await rep.WaitForCardAsync(_ladder, $"Reminder: {snoozed} needs attention");
        await rep.ClickAsync("Snooze", $"Reminder: {snoozed} needs attention");
        await rep.ClickAsync("Snooze", $"Reminder: {snoozed} needs attention", "Remind me again");
        await rep.WaitForCardAsync($"Snoozed {snoozed}: no reminders before");

        // The second deal only now, so its reminders can never fall due in the same sweep as the first's
        // (two deals due at once come as one list, which is a different card).
        await rep.SayAsync($"my manager is {ReminderFixture.Manager.Name}");
        await rep.WaitForTextAsync($"Noted: {ReminderFixture.Manager.Name} is your manager.");
        await rep.SayAsync($"new deal {stalled} 30k");
        await rep.WaitForCardAsync($"Created {stalled} (Demo), now in Prospect.");

        await rep.WaitForCardAsync(_ladder, $"Reminder: {stalled} needs attention");
        await rep.WaitForCardAsync(_ladder, $"Second reminder: {stalled} needs attention");
        var nudge = await manager.WaitForCardAsync(_ladder, $"A deal of {ReminderFixture.Rep.Name} is stalled", stalled);
        Assert.Contains("Prospect (Demo)", nudge, StringComparison.Ordinal);

        // The snoozed deal stayed quiet meanwhile: its second reminder would have come before the other deal's nudge.
        Assert.Equal(0, await rep.CountCardsAsync($"Second reminder: {snoozed}"));
        Assert.Equal(0, await manager.CountCardsAsync(snoozed));
    }
}
