namespace SalesCoachBot.Core.Process;

/// <summary>Bound from <c>SalesCoach:Process</c>.</summary>
public sealed class ProcessOptions
{
    public const string Section = "SalesCoach:Process";

    /// <summary>A replacement process file (JSON). Empty: the built-in default process. Relative paths are under the content root.</summary>
    public string? Path { get; set; }
}
