namespace SalesCoachBot.Core.Understanding;

/// <summary>Whose deals an export holds.</summary>
public enum ExportScope
{
    /// <summary>The asker's own deals, open and closed.</summary>
    MyDeals,

    /// <summary>The open deals of the reps whose manager the asker is.</summary>
    TeamPipeline,
}

/// <summary>"export my deals", "download the team pipeline as csv": a spreadsheet behind a short-lived link.</summary>
public sealed record ExportDeals(ExportScope Scope) : Command;

/// <summary>"pipeline chart", "show my pipeline as a funnel": the rep's open deals by stage, as a picture.</summary>
public sealed record ShowPipelineChart : Command;
