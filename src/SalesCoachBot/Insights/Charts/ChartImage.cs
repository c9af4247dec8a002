using System.Globalization;
using SalesCoachBot.Cards.Pictures;
using SkiaSharp;

namespace SalesCoachBot.Insights.Charts;

/// <summary>
/// Draws <see cref="ChartData"/> as a PNG with SkiaSharp, the way the process map is drawn (<c>Playbook/ProcessMapImage</c>):
/// the DejaVu fonts embedded in the assembly, the NoDependencies native build, so a chart looks the same on a bare App
/// Service or CI machine as on a developer's. Drawn directly rather than with ScottPlot: ScottPlot picks fonts from a
/// process-wide static registry, and these four simple shapes do not need a plotting library.
/// </summary>
/// <remarks>A singleton: the typefaces are loaded once and only read while drawing; every other Skia object lives for one render.</remarks>
public sealed class ChartImage(PictureFonts fonts)
{
    public const int Width = 720;
    private const int Margin = 20;
    private const int TitleHeight = 44;
    private const int LabelWidth = 170;
    private const int BarHeight = 30;
    private const int BarGap = 12;

    private static readonly SKColor _ink = new(0x24, 0x24, 0x24);
    private static readonly SKColor _subtle = new(0x61, 0x61, 0x61);
    private static readonly SKColor _grid = new(0xE1, 0xE1, 0xE1);
    private static readonly SKColor _bar = new(0x5B, 0x5F, 0xC7);
    private static readonly SKColor _barLight = new(0xA8, 0xAA, 0xD8);
    private static readonly SKColor _over = new(0xC4, 0x31, 0x4B);
    private static readonly SKColor _target = new(0x23, 0x7B, 0x4B);
    private static readonly int[] _niceSteps = [1, 2, 3, 4, 5, 6, 8, 10];
    private static readonly SKPngEncoderOptions _pngOptions = new(SKPngEncoderFilterFlags.AllFilters, 9);


    public byte[] RenderPng(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var height = chart switch
        {
            FunnelChart f => TitleHeight + Rows(f.Stages.Count) + Margin,
            StageTimeChart s => TitleHeight + Rows(s.Stages.Count) + 36 + Margin,
            TargetChart => 360,
            TrendChart t => TitleHeight + (Math.Max(t.Series.Count, 1) * 170) + 24,
            _ => throw new ArgumentException($"No drawing for {chart.GetType().Name}.", nameof(chart)),
        };

        var info = new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"Could not create a {Width}x{height} drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Text(canvas, chart.Title, fonts.Bold, 17, Margin, 30, _ink, maxWidth: Width - (2 * Margin));
        switch (chart)
        {
            case FunnelChart funnel:
                DrawFunnel(canvas, funnel);
                break;
            case StageTimeChart stages:
                DrawStageTime(canvas, stages, height);
                break;
            case TargetChart target:
                DrawTarget(canvas, target, height);
                break;
            case TrendChart trend:
                DrawTrend(canvas, trend);
                break;
        }

        canvas.Flush();
        using var pixmap = surface.PeekPixels();
        using var data = pixmap.Encode(_pngOptions) ?? throw new InvalidOperationException("Could not encode the chart as PNG.");
        return data.ToArray();
    }

    private static int Rows(int count) => Math.Max(count, 1) * (BarHeight + BarGap);

    /// <summary>Bars centred on one axis, each as wide as its value: the shape of a funnel, first stage on top.</summary>
    private void DrawFunnel(SKCanvas canvas, FunnelChart chart)
    {
        var max = Math.Max(chart.Stages.Select(s => s.Value).DefaultIfEmpty(0).Max(), 1e-9);
        const float valueWidth = 170;
        var area = Width - Margin - LabelWidth - valueWidth - Margin;
        var centre = Margin + LabelWidth + (area / 2f);
        var top = (float)TitleHeight;
        foreach (var stage in chart.Stages)
        {
            var width = Math.Max((float)(stage.Value / max * area), stage.Value > 0 ? 4 : 0);
            Text(canvas, stage.Label, fonts.Regular, 13, Margin, top + 20, _ink, maxWidth: LabelWidth - 10);
            using (var fill = Paint(_bar))
            {
                canvas.DrawRoundRect(SKRect.Create(centre - (width / 2), top, width, BarHeight), 4, 4, fill);
            }

            Text(canvas, stage.DrawnText ?? stage.ValueText, fonts.Bold, 13, Width - Margin - valueWidth + 8, top + 20, _ink, maxWidth: valueWidth - 8);
            top += BarHeight + BarGap;
        }
    }

    /// <summary>Horizontal bars of days in each stage, red past the allowed time, with the allowed time marked on each row.</summary>
    private void DrawStageTime(SKCanvas canvas, StageTimeChart chart, int height)
    {
        var max = chart.Stages.SelectMany(s => new[] { s.Days, s.AllowedDays ?? 0 }).DefaultIfEmpty(0).Max();
        max = Math.Max(max * 1.1, 1);
        const float valueWidth = 180;
        var left = Margin + LabelWidth;
        var area = Width - Margin - valueWidth - left;
        var top = (float)TitleHeight;
        foreach (var stage in chart.Stages)
        {
            Text(canvas, stage.Label, fonts.Regular, 13, Margin, top + 20, _ink, maxWidth: LabelWidth - 10);
            var length = (float)(stage.Days / max * area);
            var over = stage.AllowedDays is { } allowed && stage.Days > allowed;
            using (var fill = Paint(over ? _over : _bar))
            {
                canvas.DrawRect(SKRect.Create(left, top + 4, length, BarHeight - 8), fill);
            }

            if (stage.AllowedDays is { } limit)
            {
                var x = left + (float)(limit / max * area);
                using var mark = Paint(_ink, stroke: 2);
                canvas.DrawLine(x, top, x, top + BarHeight, mark);
            }

            var text = Days(stage.Days) + (stage.AllowedDays is { } a ? " of " + Days(a) : string.Empty);
            Text(canvas, text, over ? fonts.Bold : fonts.Regular, 13, Width - Margin - valueWidth + 8, top + 20, over ? _over : _ink, maxWidth: valueWidth - 8);
            top += BarHeight + BarGap;
        }

        // The key: what the black mark means.
        using var key = Paint(_ink, stroke: 2);
        canvas.DrawLine(left, height - Margin - 14, left, height - Margin + 2, key);
        Text(canvas, "allowed time; red bars are over it", fonts.Regular, 12, left + 8, height - Margin, _subtle, maxWidth: area);
    }

    /// <summary>Vertical bars with the target as a horizontal line across them.</summary>
    private void DrawTarget(SKCanvas canvas, TargetChart chart, int height)
    {
        var max = Math.Max(chart.Bars.Select(b => b.Value).Append(chart.Target ?? 0).Max() * 1.15, 1e-9);
        var plotTop = TitleHeight + 24f;
        var plotBottom = height - 56f;
        var plotHeight = plotBottom - plotTop;
        var count = Math.Max(chart.Bars.Count, 1);

        // The target's label has a column of its own on the right, so it never sits on a bar.
        const float targetLabelWidth = 140;
        var right = Width - Margin - (chart.Target is null ? 0 : targetLabelWidth);
        var slot = (right - Margin) / count;
        using (var axis = Paint(_grid, stroke: 1))
        {
            canvas.DrawLine(Margin, plotBottom, right, plotBottom, axis);
        }

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var barHeight = (float)(bar.Value / max * plotHeight);
            var x = Margin + (i * slot) + (slot * 0.2f);
            using (var fill = Paint(i == 0 ? _bar : _barLight))
            {
                canvas.DrawRect(SKRect.Create(x, plotBottom - barHeight, slot * 0.6f, barHeight), fill);
            }

            Centred(canvas, bar.ValueText, fonts.Bold, 13, x + (slot * 0.3f), plotBottom - barHeight - 8, _ink, slot - 8);
            Centred(canvas, bar.Label, fonts.Regular, 13, x + (slot * 0.3f), plotBottom + 22, _ink, slot - 8);
        }

        if (chart.Target is { } target)
        {
            var y = plotBottom - (float)(target / max * plotHeight);
            using var line = Paint(_target, stroke: 2);
            line.PathEffect = SKPathEffect.CreateDash([8, 6], 0);
            canvas.DrawLine(Margin, y, right, y, line);
            Text(canvas, chart.TargetText ?? string.Empty, fonts.Bold, 13, right + 8, y + 5, _target, maxWidth: targetLabelWidth - 8);
        }
    }

    /// <summary>One panel per series: a line through the weeks, dots where there is a value, the scale from zero.</summary>
    private void DrawTrend(SKCanvas canvas, TrendChart chart)
    {
        const float panelHeight = 170;
        const float axisWidth = 56;
        var left = Margin + axisWidth;
        var right = Width - Margin;
        var weeks = Math.Max(chart.Weeks.Count, 1);
        var step = weeks > 1 ? (right - left) / (weeks - 1) : 0;
        var top = (float)TitleHeight;
        foreach (var series in chart.Series)
        {
            var plotTop = top + 36;
            var plotBottom = top + panelHeight - 30;
            Text(canvas, series.Name, fonts.Bold, 13, Margin, top + 14, _ink, maxWidth: Width - (2 * Margin));
            var max = series.Percent ? 1 : NiceCeiling(series.Values.Max(v => v ?? 0));
            using (var grid = Paint(_grid, stroke: 1))
            {
                foreach (var fraction in new[] { 0f, 0.5f, 1f })
                {
                    var y = plotBottom - (fraction * (plotBottom - plotTop));
                    canvas.DrawLine(left, y, right, y, grid);
                    var label = series.Percent ? Percent(fraction) : (fraction * max).ToString("0.#", CultureInfo.InvariantCulture);
                    Text(canvas, label, fonts.Regular, 11, Margin, y + 4, _subtle, maxWidth: axisWidth - 6);
                }
            }

            SKPoint? previous = null;
            using var line = Paint(_bar, stroke: 2.5f);
            using var dot = Paint(_bar);
            for (var i = 0; i < series.Values.Count && i < weeks; i++)
            {
                if (series.Values[i] is not { } value)
                {
                    previous = null;
                    continue;
                }

                var point = new SKPoint(left + (i * step), plotBottom - (float)(value / max * (plotBottom - plotTop)));
                if (previous is { } from)
                {
                    canvas.DrawLine(from, point, line);
                }

                canvas.DrawCircle(point, 3.5f, dot);
                previous = point;
            }

            // Every other week's label when they would crowd.
            var every = weeks > 14 ? 3 : weeks > 8 ? 2 : 1;
            for (var i = 0; i < chart.Weeks.Count; i += every)
            {
                Centred(canvas, chart.Weeks[i], fonts.Regular, 11, left + (i * step), plotBottom + 16, _subtle, (step * every) - 4);
            }

            top += panelHeight;
        }
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        // Steps that halve into round numbers, for the middle grid line.
        var nice = _niceSteps.First(f => f * magnitude >= value);
        return nice * magnitude;
    }

    internal static string Days(double days) =>
        days.ToString(days < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + (Math.Abs(days - 1) < 0.05 ? " day" : " days");

    internal static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static void Text(SKCanvas canvas, string text, SKTypeface typeface, float size, float x, float baseline, SKColor color, float maxWidth)
    {
        using var font = Font(typeface, size, text, maxWidth);
        using var paint = Paint(color);
        canvas.DrawText(PictureFonts.Ellipsize(text, font, maxWidth), x, baseline, SKTextAlign.Left, font, paint);
    }

    private static void Centred(SKCanvas canvas, string text, SKTypeface typeface, float size, float x, float baseline, SKColor color, float maxWidth)
    {
        using var font = Font(typeface, size, text, Math.Max(maxWidth, 10));
        using var paint = Paint(color);
        canvas.DrawText(PictureFonts.Ellipsize(text, font, Math.Max(maxWidth, 10)), x, baseline, SKTextAlign.Center, font, paint);
    }

    /// <summary>The font at <paramref name="size"/>, shrunk by up to a quarter so a long label still fits.</summary>
    private static SKFont Font(SKTypeface typeface, float size, string text, float maxWidth)
    {
        var font = PictureFonts.NewFont(typeface, size);
        while (font.Size > size * 0.75f && font.MeasureText(text) > maxWidth)
        {
            font.Size -= 1;
        }

        return font;
    }

    private static SKPaint Paint(SKColor color, float stroke = 0) => stroke > 0
        ? new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = stroke }
        : new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
}
