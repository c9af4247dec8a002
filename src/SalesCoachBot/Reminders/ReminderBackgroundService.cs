using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Reminders;

namespace SalesCoachBot.Reminders;

/// <summary>Sweeps for due reminders on a <see cref="PeriodicTimer"/> driven by the injected <see cref="TimeProvider"/>.</summary>
public sealed class ReminderBackgroundService(
    ReminderSweeper sweeper,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Reminder sweeps are off (SalesCoach:Reminders:Enabled = false)");
            return;
        }

        logger.LogInformation("Reminder sweeps every {Interval} as {Instance}", options.Value.SweepInterval, sweeper.Instance);
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed sweep (a locked file, a store hiccup) must not stop the reminders for good.
                logger.LogError(ex, "Reminder sweep failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
