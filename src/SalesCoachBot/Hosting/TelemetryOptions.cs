namespace SalesCoachBot.Hosting;

/// <summary>Bound from <c>SalesCoach:Telemetry</c>. Azure Monitor is switched on by its own standard settings.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "SalesCoach:Telemetry";

    /// <summary>Writes traces and metrics to the console. Empty: on in Development, off elsewhere.</summary>
    public bool? ConsoleExporter { get; set; }
}
