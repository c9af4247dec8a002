using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesCoachBot.Bot;

/// <summary>
/// The bot's own traces and metrics (the "SalesCoachBot" source and meter). Tags carry kinds and outcomes named in
/// code (activity type, command kind, notification kind), never user text, names or ids: no personal data leaves
/// through telemetry.
/// </summary>
public sealed class SalesCoachTelemetry : IDisposable
{
    /// <summary>The host's source and meter. Other parts use "SalesCoachBot.*" (e.g. SalesCoachBot.Storage); all are exported.</summary>
    public const string Name = "SalesCoachBot";

    public const string NamePattern = "SalesCoachBot*";

    public const string TurnsInstrument = "salescoach.turns";
    public const string TurnDurationInstrument = "salescoach.turn.duration";
    public const string RemindersSentInstrument = "salescoach.reminders.sent";
    public const string RemindersFailedInstrument = "salescoach.reminders.failed";

    public const string ActivityTypeTag = "salescoach.activity_type";
    public const string CommandTag = "salescoach.command";
    public const string OutcomeTag = "salescoach.outcome";
    public const string NotificationTag = "salescoach.notification";
    public const string FailureTag = "salescoach.failure";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _remindersSent;
    private readonly Counter<long> _remindersFailed;

    public SalesCoachTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);

        // The meter belongs to the factory (disposed with the container); the source is ours.
        var meter = meters.Create(Name);
        Traces = new ActivitySource(Name);
        _turns = meter.CreateCounter<long>(TurnsInstrument, "{turn}", "Activities handled by the bot");
        _turnDuration = meter.CreateHistogram<double>(TurnDurationInstrument, "s", "How long the bot took to handle an activity");
        _remindersSent = meter.CreateCounter<long>(RemindersSentInstrument, "{message}", "Proactive messages (reminders, nudges, digests, pings) Teams accepted");
        _remindersFailed = meter.CreateCounter<long>(RemindersFailedInstrument, "{message}", "Proactive messages that could not be delivered");
    }

    public ActivitySource Traces { get; }

    public void TurnHandled(string activityType, string command, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { ActivityTypeTag, activityType }, { CommandTag, command }, { OutcomeTag, outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void NotificationSent(string notification) => _remindersSent.Add(1, new KeyValuePair<string, object?>(NotificationTag, notification));

    public void NotificationFailed(string notification, string failure) =>
        _remindersFailed.Add(1, new KeyValuePair<string, object?>(NotificationTag, notification), new KeyValuePair<string, object?>(FailureTag, failure));

    public void Dispose() => Traces.Dispose();
}
