using Microsoft.Playwright;

namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// The browser: Debian's chromium package (never a downloaded one), headless, driven through Microsoft.Playwright,
/// whose Node driver and node binary come inside the NuGet package (copied to the build output by its targets).
/// Every context it opens blocks the requests that are not to this machine.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    // Off: what a fresh profile would fetch or show on its own (updates, sync, first-run pages), the sandbox (the tests
    // run as root in containers), /dev/shm (small in containers) and the GPU (there is none).
    private static readonly string[] _arguments =
    [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--metrics-recording-only",
        "--mute-audio",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>The Chromium to drive: E2E_CHROMIUM if set, else /usr/bin/chromium; a clear failure when it is missing.</summary>
    public static string ExecutablePath
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

    public string Version => _browser.Version;

    public static async Task<Chromium> LaunchAsync()
    {
        var executablePath = ExecutablePath;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = _arguments,
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new browser context (its own cookies and storage, so a fresh conversation) that aborts every request not to
    /// 127.0.0.1 or localhost, so a test can never depend on, or leak to, the internet. Each aborted URL is passed to
    /// <paramref name="onBlocked"/>.
    /// </summary>
    public async Task<IBrowserContext> NewLoopbackContextAsync(BrowserNewContextOptions? options = null, Action<string>? onBlocked = null)
    {
        var context = await _browser.NewContextAsync(options);
        await context.RouteAsync("**/*", route =>
        {
            var url = route.Request.Url;
            if (IsLoopback(url))
            {
                return route.ContinueAsync();
            }

            onBlocked?.Invoke(url);
            return route.AbortAsync();
        });
        return context;
    }

    private static bool IsLoopback(string url)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal) || url.StartsWith("about:", StringComparison.Ordinal))
        {
            return true;
        }

        // IsLoopback: 127.0.0.0/8, [::1] and localhost.
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
