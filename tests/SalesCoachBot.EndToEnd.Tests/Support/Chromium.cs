namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>The browser: Debian's chromium package, never a downloaded one.</summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The Chromium to drive: E2E_CHROMIUM if set, else /usr/bin/chromium; a clear failure when it is missing.</summary>
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultPath;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Chromium is missing at {path}: the end-to-end tests drive Debian's chromium headless. Install it with " +
                    "'sudo apt-get install -y chromium' (.ci/run does this), or point E2E_CHROMIUM at a Chromium binary.",
                    path);
            }

            return path;
        }
    }
}
