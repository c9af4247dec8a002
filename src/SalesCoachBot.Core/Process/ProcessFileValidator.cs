using Microsoft.Extensions.Options;

namespace SalesCoachBot.Core.Process;

/// <summary>Loads the configured process file at start-up so that every problem in it stops the host with a clear list.</summary>
internal sealed class ProcessFileValidator(string contentRoot) : IValidateOptions<ProcessOptions>
{
    public static string ResolvePath(string contentRoot, string path) => Path.GetFullPath(Path.Combine(contentRoot, path));

    public ValidateOptionsResult Validate(string? name, ProcessOptions options)
    {
        try
        {
            _ = string.IsNullOrWhiteSpace(options.Path)
                ? ProcessLoader.LoadDefault()
                : ProcessLoader.LoadFile(ResolvePath(contentRoot, options.Path));
            return ValidateOptionsResult.Success;
        }
        catch (ProcessLoadException ex)
        {
            return ValidateOptionsResult.Fail(ex.Errors.Select(e => $"SalesCoach:Process:Path: {e}"));
        }
    }
}
