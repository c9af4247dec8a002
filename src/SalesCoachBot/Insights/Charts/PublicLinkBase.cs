namespace SalesCoachBot.Insights.Charts;

/// <summary>
/// The bot's public address for links on cards (<c>SalesCoach:Bot:PublicBaseUrl</c>, given by Hosting), else the
/// address the current request came in on. Null when neither is known (a proactive message with nothing configured).
/// </summary>
public sealed class PublicLinkBase(Uri? configured, IHttpContextAccessor http)
{
    public Uri? Current =>
        configured
        ?? (http.HttpContext?.Request is { Host.HasValue: true } request ? new Uri($"{request.Scheme}://{request.Host}") : null);
}
