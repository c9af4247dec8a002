namespace SalesCoachBot.Hosting;

/// <summary>Bound from <c>SalesCoach:Telemetry</c>. Azure Monitor is switched on by its own standard settings.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "SalesCoach:Telemetry";

    /// <summary>
    /// Writes metrics to the console, once a minute (a few KB each time). Off unless set, in every environment: the
    /// console is also where the logs go, and a trace per request and per outgoing call drowned them (53.6 MB in five
    /// minutes of modest load).
    /// </summary>
    public bool ConsoleExporter { get; set; }

    /// <summary>With <see cref="ConsoleExporter"/>, also writes every span (several per turn) to the console: for a short debugging session only.</summary>
    public bool ConsoleTraces { get; set; }

    /// <summary>What goes to the console.</summary>
    public ConsoleTelemetry Console => !ConsoleExporter ? ConsoleTelemetry.None : ConsoleTraces ? ConsoleTelemetry.MetricsAndTraces : ConsoleTelemetry.Metrics;
}

public enum ConsoleTelemetry
{
    None,
    Metrics,
    MetricsAndTraces,
}
