using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// One browser page on a Playground: a fresh browser context per test, so a fresh conversation. Waits are on rendered
/// content (a card holding given texts), never fixed sleeps. Disposing saves a screenshot as a test artifact.
/// </summary>
public sealed class ChatPage : IAsyncDisposable
{
    private readonly BrowserDriver _driver;
    private readonly ITestOutputHelper _output;
    private readonly string _name;
    private readonly string _screenshot;

    private ChatPage(BrowserDriver driver, ITestOutputHelper output, string name, string screenshot)
    {
        _driver = driver;
        _output = output;
        _name = name;
        _screenshot = screenshot;
    }

    /// <summary>Where a test's screenshots go: TestResults/e2e under the test output folder.</summary>
    public static string ArtifactsDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");

    /// <summary>Opens the Playground in a new page; its screenshot is saved as TestResults/e2e/<paramref name="screenshotName"/>.png.</summary>
    public static async Task<ChatPage> OpenAsync(BrowserDriver driver, Playground playground, ITestOutputHelper output, string screenshotName)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(playground);
        var page = new ChatPage(driver, output, $"{screenshotName}-{Guid.NewGuid():N}", Path.Combine(ArtifactsDirectory, screenshotName + ".png"));
        await driver.CallAsync("open", new { page = page._name, url = playground.Url.ToString() });
        return page;
    }

    /// <summary>Types a message and sends it, as the user would.</summary>
    public Task SayAsync(string text) => _driver.CallAsync("say", new { page = _name, text });

    /// <summary>In a team channel: a new post that @mentions <paramref name="mention"/>.</summary>
    public Task PostAsync(string mention, string text) => _driver.CallAsync("post", new { page = _name, mention, text });

    /// <summary>Waits for a card holding every one of the texts; returns its visible text.</summary>
    public async Task<string> WaitForCardAsync(params string[] texts) => await WaitForCardAsync(TimeSpan.FromSeconds(30), texts);

    public async Task<string> WaitForCardAsync(TimeSpan timeout, params string[] texts)
    {
        try
        {
            var result = await _driver.CallAsync("waitCard", new { page = _name, texts, timeoutMs = (int)timeout.TotalMilliseconds });
            return result!.GetValue<string>();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"No card with [{string.Join(", ", texts)}] within {timeout.TotalSeconds:0} s. The last cards:\n{await TranscriptAsync()}\n\n{ex.Message}", ex);
        }
    }

    /// <summary>Waits for a text anywhere in the conversation (plain messages are not cards).</summary>
    public async Task WaitForTextAsync(string text)
    {
        try
        {
            await _driver.CallAsync("waitText", new { page = _name, text });
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"No \"{text}\" within 30 s. The last cards:\n{await TranscriptAsync()}\n\n{ex.Message}", ex);
        }
    }

    /// <summary>How many cards hold every one of the texts.</summary>
    public async Task<int> CountCardsAsync(params string[] texts) =>
        (await _driver.CallAsync("countCards", new { page = _name, texts }))!.GetValue<int>();

    /// <summary>Clicks a button of the last card that holds the texts.</summary>
    public Task ClickAsync(string button, params string[] inCardWith) => _driver.CallAsync("click", new { page = _name, texts = inCardWith, button });

    public Task FillAsync(string label, string value, params string[] inCardWith) => _driver.CallAsync("fill", new { page = _name, texts = inCardWith, label, value });

    public Task CheckAsync(string label, params string[] inCardWith) => _driver.CallAsync("check", new { page = _name, texts = inCardWith, label });

    /// <summary>Picks a date in the card's date input through the Playground's calendar; returns what the input shows.</summary>
    public async Task<string> PickDateAsync(string label, DateOnly date, params string[] inCardWith)
    {
        var result = await _driver.CallAsync("pickDate", new
        {
            page = _name,
            texts = inCardWith,
            label,
            day = date.Day,
            month = date.ToString("MMMM", CultureInfo.InvariantCulture),
            year = date.Year,
        });
        return result!.GetValue<string>();
    }

    /// <summary>The images of the last card holding the texts, once loaded: their natural sizes.</summary>
    public async Task<IReadOnlyList<(string Src, int NaturalWidth)>> ImagesAsync(params string[] inCardWith)
    {
        var result = (JsonArray)(await _driver.CallAsync("images", new { page = _name, texts = inCardWith }))!;
        return result.Select(i => (i!["src"]!.GetValue<string>(), i["naturalWidth"]!.GetValue<int>())).ToList();
    }

    /// <summary>Opens a chat or team channel from the Playground's left pane.</summary>
    public Task OpenConversationAsync(string title) => _driver.CallAsync("openConversation", new { page = _name, title });

    public async Task<string> TranscriptAsync()
    {
        try
        {
            return (await _driver.CallAsync("transcript", new { page = _name }))?.GetValue<string>() ?? string.Empty;
        }
        catch (InvalidOperationException ex)
        {
            return $"(no transcript: {ex.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _driver.CallAsync("screenshot", new { page = _name, path = _screenshot });
            _output.WriteLine($"Screenshot: {_screenshot}");
        }
        catch (InvalidOperationException ex)
        {
            _output.WriteLine($"No screenshot: {ex.Message}");
        }
        finally
        {
            await _driver.CallAsync("close", new { page = _name });
        }
    }
}
