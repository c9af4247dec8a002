using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Insights.Charts;

/// <summary>Where a card finds the picture of a chart: the one place every insight card calls.</summary>
public interface IChartLinks
{
    /// <summary>
    /// A signed, expiring link to the chart's PNG, made for <paramref name="viewer"/>. The link carries the chart's data
    /// itself (sealed), so it shows exactly what it was made for and any instance can draw it. Without a known public
    /// address (a proactive message outside a request, with no <c>SalesCoach:Bot:PublicBaseUrl</c>), the picture inline.
    /// </summary>
    Uri PictureFor(ChartData chart, OwnerKey viewer);
}

/// <summary>What a chart link carries: the chart, and whom it was made for (kept for the log, never shown).</summary>
public sealed record ChartLinkPayload(ChartData Chart, string TenantId, string UserId);

public sealed class ChartLinks : IChartLinks
{
    public const string RoutePrefix = "/charts/";
    public const string RouteTemplate = RoutePrefix + "{token}.png";

    private readonly SignedLinkCodec _codec;
    private readonly ChartImage _image;
    private readonly PublicLinkBase _address;
    private readonly IOptions<ChartLinkOptions> _options;

    public ChartLinks(IDataProtectionProvider protection, TimeProvider time, ChartImage image, PublicLinkBase address, IOptions<ChartLinkOptions> options)
    {
        _codec = new SignedLinkCodec(protection, time, "chart");
        _image = image;
        _address = address;
        _options = options;
    }

    public Uri PictureFor(ChartData chart, OwnerKey viewer)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var token = _codec.Seal(new ChartLinkPayload(chart, viewer.TenantId, viewer.UserId), _options.Value.LinkLifetime);
        if (_address.Current is { } address)
        {
            return new Uri(address, RoutePrefix + token + ".png");
        }

        return new Uri("data:image/png;base64," + Convert.ToBase64String(_image.RenderPng(chart)));
    }

    /// <summary>The chart a link was made for, or why not.</summary>
    public OpenedLink<ChartLinkPayload> Open(string token) => _codec.Open<ChartLinkPayload>(token);
}
