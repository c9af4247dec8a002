namespace SalesCoachBot.Core.Understanding;

/// <summary>How many deals a name query found.</summary>
public enum NameMatchKind
{
    /// <summary>Nothing matched: ask the user, or offer to create the deal.</summary>
    None,

    /// <summary>Exactly one deal matched.</summary>
    Unique,

    /// <summary>Several deals matched equally well: ask the user which one.</summary>
    Ambiguous,
}

/// <summary>The outcome of <see cref="DealNameMatcher.Match{T}"/>: the matches of the first rule that found any, in candidate order.</summary>
public sealed record NameMatch<T>(NameMatchKind Kind, IReadOnlyList<T> Matches);
