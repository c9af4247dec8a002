using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// One browser page on a Playground: a fresh browser context per test, so a fresh conversation. Waits are on rendered
/// content (a card holding given texts), never fixed sleeps. Disposing saves a screenshot as a test artifact.
/// </summary>
public sealed class ChatPage : IAsyncDisposable
{
    // The Playground's message box (a Lexical editor) and its cards: the top-level ones, not cards nested in a card.
    private const string MessageBox = "[role=\"textbox\"][data-lexical-editor=\"true\"]";
    private const string TopLevelCard = ".ac-preview-panel > .ac-adaptiveCard";

    // The box empties once the message is posted: the sign that the Playground took it.
    private const string MessageBoxIsEmpty = "selector => (document.querySelector(selector)?.textContent ?? '').trim() === ''";

    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _contentTimeout = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext _context;
    private readonly IPage _page;
    private readonly ITestOutputHelper _output;
    private readonly string _screenshot;
    private readonly ConcurrentQueue<string> _blocked;

    private ChatPage(IBrowserContext context, IPage page, ITestOutputHelper output, string screenshot, ConcurrentQueue<string> blocked)
    {
        _context = context;
        _page = page;
        _output = output;
        _screenshot = screenshot;
        _blocked = blocked;
    }

    /// <summary>Where a test's screenshots go: TestResults/e2e under the test output folder.</summary>
    public static string ArtifactsDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");

    /// <summary>Opens the Playground in a new page; its screenshot is saved as TestResults/e2e/<paramref name="screenshotName"/>.png.</summary>
    public static async Task<ChatPage> OpenAsync(Chromium browser, Playground playground, ITestOutputHelper output, string screenshotName)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(playground);
        var blocked = new ConcurrentQueue<string>();
        var context = await browser.NewLoopbackContextAsync(
            new() { ViewportSize = new() { Width = 1280, Height = 900 }, TimezoneId = "UTC", Locale = "en-US" },
            blocked.Enqueue);
        try
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)_defaultTimeout.TotalMilliseconds);
            var chat = new ChatPage(context, page, output, Path.Combine(ArtifactsDirectory, screenshotName + ".png"), blocked);
            await page.GotoAsync(playground.Url.ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await chat.MessageBoxLocator.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            return chat;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    private ILocator MessageBoxLocator => _page.Locator(MessageBox).First;

    /// <summary>Types a message and sends it, as the user would.</summary>
    public async Task SayAsync(string text)
    {
        await MessageBoxLocator.ClickAsync();
        await _page.Keyboard.TypeAsync(text);
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForFunctionAsync(MessageBoxIsEmpty, MessageBox);
    }

    /// <summary>In a team channel: a new post that @mentions <paramref name="mention"/> (picked from the mention list).</summary>
    public async Task PostAsync(string mention, string text)
    {
        await MessageBoxLocator.ClickAsync();
        await _page.Keyboard.TypeAsync("@");
        await _page.Locator("[role=\"listbox\"]").GetByText(mention, new() { Exact = true }).First.ClickAsync();
        await _page.Keyboard.TypeAsync($" {text}");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await _page.WaitForFunctionAsync(MessageBoxIsEmpty, MessageBox);
    }

    /// <summary>Waits for a card holding every one of the texts; returns its visible text.</summary>
    public async Task<string> WaitForCardAsync(params string[] texts) => await WaitForCardAsync(_contentTimeout, texts);

    public async Task<string> WaitForCardAsync(TimeSpan timeout, params string[] texts)
    {
        var card = LastCard(texts);
        try
        {
            await card.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)timeout.TotalMilliseconds });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException(
                $"No card with [{string.Join(", ", texts)}] within {timeout.TotalSeconds:0} s. The last cards:\n{await TranscriptAsync()}\n\n{ex.Message}", ex);
        }

        return await card.InnerTextAsync();
    }

    /// <summary>Waits for a text anywhere in the conversation (plain messages are not cards).</summary>
    public async Task WaitForTextAsync(string text)
    {
        try
        {
            await _page.GetByText(text, new() { Exact = false }).Last.WaitForAsync(
                new() { State = WaitForSelectorState.Visible, Timeout = (float)_contentTimeout.TotalMilliseconds });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException(
                $"No \"{text}\" within {_contentTimeout.TotalSeconds:0} s. The last cards:\n{await TranscriptAsync()}\n\n{ex.Message}", ex);
        }
    }

    /// <summary>How many cards hold every one of the texts.</summary>
    public Task<int> CountCardsAsync(params string[] texts) => Cards(texts).CountAsync();

    /// <summary>Clicks a button (by its exact title) of the last card that holds the texts.</summary>
    public Task ClickAsync(string button, params string[] inCardWith) =>
        LastCard(inCardWith).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).Last.ClickAsync();

    /// <summary>Fills a text input, found by its label or placeholder, of the last card that holds the texts.</summary>
    public Task FillAsync(string label, string value, params string[] inCardWith) =>
        LastCard(inCardWith).GetByLabel(label, new() { Exact = false }).First.FillAsync(value);

    public Task CheckAsync(string label, params string[] inCardWith) =>
        LastCard(inCardWith).GetByLabel(label, new() { Exact = false }).First.CheckAsync();

    /// <summary>
    /// Picks a date in the card's date input through the Playground's calendar pop-up: opens it, goes forward month by
    /// month until the day's button (labelled "15, December, 2026") shows, clicks it. Returns what the input shows.
    /// </summary>
    public async Task<string> PickDateAsync(string label, DateOnly date, params string[] inCardWith)
    {
        var input = LastCard(inCardWith).GetByLabel(label, new() { Exact = false }).First;
        await input.ClickAsync();
        var dialog = _page.Locator("[role=\"dialog\"]").Last;
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var dayButton = dialog.Locator(
            $"button[aria-label=\"{date.Day}, {date.ToString("MMMM", CultureInfo.InvariantCulture)}, {date.Year}\"]");
        for (var month = 0; month < 24 && await dayButton.CountAsync() == 0; month++)
        {
            await dialog.Locator("button[title=\"Next month\"]").First.ClickAsync();
        }

        await dayButton.First.ClickAsync();
        try
        {
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        }
        catch (PlaywrightException)
        {
            // A calendar that stays open after the pick would cover the card's buttons.
            await _page.Keyboard.PressAsync("Escape");
        }

        return await input.InputValueAsync();
    }

    /// <summary>The images of the last card holding the texts, once each has finished loading (or failed): their natural sizes.</summary>
    public async Task<IReadOnlyList<(string Src, int NaturalWidth)>> ImagesAsync(params string[] inCardWith)
    {
        var timeout = (float)_contentTimeout.TotalMilliseconds;
        var card = LastCard(inCardWith);
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = timeout });
        await card.Locator("img").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeout });
        await _page.WaitForFunctionAsync(
            "card => Array.from(card.querySelectorAll('img')).every(img => img.complete)",
            await card.ElementHandleAsync(),
            new() { Timeout = timeout });
        var images = await card.Locator("img").EvaluateAllAsync<LoadedImage[]>(
            "images => images.map(img => ({ src: img.src.slice(0, 200), naturalWidth: img.naturalWidth }))");
        return images.Select(i => (i.Src, i.NaturalWidth)).ToList();
    }

    /// <summary>Opens a chat or team channel from the Playground's left pane.</summary>
    public async Task OpenConversationAsync(string title)
    {
        await _page.GetByText(title, new() { Exact = true }).First.ClickAsync();
        await MessageBoxLocator.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>The text of the conversation's last cards: for failure messages.</summary>
    public async Task<string> TranscriptAsync()
    {
        try
        {
            var cards = await _page.Locator(TopLevelCard).AllInnerTextsAsync();
            return string.Join("\n-----\n", cards.TakeLast(6));
        }
        catch (PlaywrightException ex)
        {
            return $"(no transcript: {ex.Message})";
        }
    }

    /// <summary>The top-level cards whose text contains every one of the texts.</summary>
    private ILocator Cards(IEnumerable<string> texts) =>
        texts.Aggregate(_page.Locator(TopLevelCard), (cards, text) => cards.Filter(new() { HasText = text }));

    private ILocator LastCard(IEnumerable<string> texts) => Cards(texts).Last;

    public async ValueTask DisposeAsync()
    {
        try
        {
            Directory.CreateDirectory(ArtifactsDirectory);
            await _page.ScreenshotAsync(new() { Path = _screenshot, FullPage = false });
            _output.WriteLine($"Screenshot: {_screenshot}");
        }
        catch (PlaywrightException ex)
        {
            _output.WriteLine($"No screenshot: {ex.Message}");
        }
        finally
        {
            if (!_blocked.IsEmpty)
            {
                _output.WriteLine($"Blocked {_blocked.Count} request(s) not to this machine, e.g. {_blocked.First()}");
            }

            await _context.CloseAsync();
        }
    }

    // A class with setters, not a positional record: Playwright fills evaluate results through a parameterless constructor.
    private sealed class LoadedImage
    {
        public string Src { get; set; } = string.Empty;

        public int NaturalWidth { get; set; }
    }
}
