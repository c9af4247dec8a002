namespace SalesCoachBot.Core.Deals;

/// <summary>Where an open deal sits in a forecast: by its stage's win probability, unless the rep put it elsewhere.</summary>
public enum ForecastCategory
{
    /// <summary>Below the best-case threshold: possible, not counted on.</summary>
    Pipeline,

    /// <summary>Could close in the period if things go well.</summary>
    BestCase,

    /// <summary>The rep commits to closing it in the period.</summary>
    Commit,
}
