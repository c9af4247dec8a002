namespace SalesCoachBot.Core.Process;

/// <summary>One problem in a process file: which file, where in it (a JSON path), and what is wrong.</summary>
public sealed record ProcessError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

public sealed class ProcessLoadException : Exception
{
    public ProcessLoadException()
        : this([])
    {
    }

    public ProcessLoadException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ProcessLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ProcessLoadException(IReadOnlyList<ProcessError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ProcessError> Errors { get; }

    private static string Describe(IReadOnlyList<ProcessError> errors) =>
        errors.Count == 0
            ? "The sales process file is invalid."
            : $"The sales process file is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):"
              + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
