using SkiaSharp;

namespace SalesCoachBot.Cards.Pictures;

/// <summary>
/// The typefaces every picture the bot draws (the process map, the charts) writes its text with: DejaVu Sans, embedded
/// in the assembly rather than taken from the system, because App Service containers and CI boxes often have no fonts
/// installed, and so that the same data gives the same picture on any machine (see Fonts/LICENSE-DejaVu.txt).
/// </summary>
/// <remarks>A singleton: the typefaces are loaded once and only read while rendering.</remarks>
public sealed class PictureFonts : IDisposable
{
    private volatile bool _disposed;

    private readonly SKTypeface _regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface _bold = Load("DejaVuSans-Bold.ttf");

    public SKTypeface Regular => _disposed ? throw new ObjectDisposedException(nameof(PictureFonts)) : _regular;

    public SKTypeface Bold => _disposed ? throw new ObjectDisposedException(nameof(PictureFonts)) : _bold;

    /// <summary>A font of <paramref name="typeface"/> at <paramref name="size"/> pixels, antialiased for a PNG.</summary>
    public static SKFont NewFont(SKTypeface typeface, float size) =>
        new(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    /// <summary>The line as drawn with <paramref name="font"/>, cut with an ellipsis where it is wider than <paramref name="maxWidth"/>.</summary>
    public static string Ellipsize(string line, SKFont font, float maxWidth)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(font);
        if (font.MeasureText(line) <= maxWidth)
        {
            return line;
        }

        const string ellipsis = "…";
        var count = (int)font.BreakText(line, maxWidth - font.MeasureText(ellipsis));
        return line[..Math.Max(count, 0)].TrimEnd() + ellipsis;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _regular.Dispose();
        _bold.Dispose();
    }

    private static SKTypeface Load(string file)
    {
        var name = "SalesCoachBot.Cards.Pictures.Fonts." + file;
        var stream = typeof(PictureFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is missing from the assembly.");

        // The typeface takes ownership of the stream and reads glyphs from it on demand.
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }
}
