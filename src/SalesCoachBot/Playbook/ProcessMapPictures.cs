using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Playbook;

/// <summary>
/// Where a card finds the picture of a model's flow: a URL this bot serves (the configured public URL, else the host
/// the request came in on), or, when neither is known, the PNG inline as a data URI.
/// </summary>
public sealed class ProcessMapPictures(ProcessMapImage image, IHttpContextAccessor http, IOptions<PublicAddressOptions> options)
{
    public const string RouteTemplate = "/playbook/process-map/{modelId}.png";

    public Uri For(SellingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = RouteTemplate.Replace("{modelId}", Uri.EscapeDataString(model.Id), StringComparison.Ordinal);
        if (options.Value.PublicBaseUrl is { } configured)
        {
            return new Uri(configured, path);
        }

        if (http.HttpContext?.Request is { Host.HasValue: true } request)
        {
            return new Uri($"{request.Scheme}://{request.Host}{path}");
        }

        return new Uri(ProcessMapImage.DataUri(image.RenderPng(model)));
    }
}
