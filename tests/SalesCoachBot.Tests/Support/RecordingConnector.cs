using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using SalesCoachBot.Tests.Cards;

namespace SalesCoachBot.Tests.Support;

/// <summary>
/// A local stand-in for the Teams connector (the service the bot posts replies to): records every activity the bot
/// sends and answers as Teams does. Plugged in as the primary handler of the app's HttpClients.
/// </summary>
public sealed class RecordingConnector : HttpMessageHandler
{
    private int _nextId;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    /// <summary>Emails the stand-in gives for GET …/members/{id} (what TeamsInfo.GetMemberAsync asks).</summary>
    public ConcurrentDictionary<string, string> Emails { get; } = new();

    /// <summary>The bodies of CreateConversation requests (a chat the bot opened itself).</summary>
    public ConcurrentQueue<string> CreatedConversations { get; } = new();

    /// <summary>Statuses to answer before accepting again (429, 500, 403…), with an optional Retry-After in seconds.</summary>
    public ConcurrentQueue<(HttpStatusCode Status, int? RetryAfterSeconds)> Failures { get; } = new();

    /// <summary>How many sends were refused with a failure from <see cref="Failures"/>.</summary>
    public int Refused => _refused;

    private int _refused;

    /// <summary>The Authorization header of each activity the bot sent, in the order of <see cref="Sent"/>.</summary>
    public ConcurrentQueue<string?> SentAuthorizations { get; } = new();

    /// <summary>The address each activity the bot sent was posted to, in the order of <see cref="Sent"/>.</summary>
    public ConcurrentQueue<Uri> SentTo { get; } = new();

    /// <summary>Tokens the bot asked for (Entra client credentials or the managed identity endpoint), as "tenant/client id".</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>
    /// What the card checks found wrong with the cards the bot sent, one entry per card. Recorded, not thrown: an
    /// exception here would land in the bot's own error handling; <see cref="BotApp"/> fails the test with these.
    /// </summary>
    public ConcurrentQueue<string> CardProblems { get; } = new();

    /// <summary>Every call the bot made to the connector (token requests aside), as "METHOD path".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>While true, a reply is accepted and never answered (the request hangs until the bot gives up on it).</summary>
    public bool StallReplies { get; set; }

    /// <summary>How many replies were stalled by <see cref="StallReplies"/>.</summary>
    public int StalledReplies => _stalled;

    private int _stalled;

    /// <summary>How many member look-ups (GET …/members/{id}) the bot made.</summary>
    public int MemberLookups => Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("/members/", StringComparison.Ordinal));

    /// <summary>Activities sent in reply to one incoming activity, in order.</summary>
    public IReadOnlyList<Activity> RepliesTo(string activityId) =>
        Sent.Where(a => a.ReplyToId == activityId).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await TokenResponseAsync(request, cancellationToken) is { } token)
        {
            return token;
        }

        var fullPath = request.RequestUri!.AbsolutePath;
        var start = fullPath.IndexOf("/v3/conversations/", StringComparison.Ordinal);
        var path = start < 0 ? fullPath : fullPath[start..];
        Requests.Enqueue($"{request.Method} {path}");
        if (request.Method == HttpMethod.Post && start >= 0 && path.Contains("/activities", StringComparison.Ordinal))
        {
            if (StallReplies)
            {
                Interlocked.Increment(ref _stalled);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Failures.TryDequeue(out var failure))
            {
                Interlocked.Increment(ref _refused);
                var refused = new HttpResponseMessage(failure.Status) { Content = new StringContent("{\"error\":{\"code\":\"Failure\",\"message\":\"stand-in failure\"}}", Encoding.UTF8, "application/json") };
                if (failure.RetryAfterSeconds is { } seconds)
                {
                    refused.Headers.Add("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return refused;
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var activity = JsonConvert.DeserializeObject<Activity>(body)!;
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            activity.ReplyToId ??= segments.Length > 4 ? Uri.UnescapeDataString(segments[4]) : null;
            foreach (var card in CardReader.CardsIn(activity))
            {
                if (await CardChecks.ProblemsAsync(card) is { Count: > 0 } problems)
                {
                    CardProblems.Enqueue($"A card the bot sent (summary \"{activity.Summary}\") fails the card checks:\n{string.Join("\n", problems)}\n{card}");
                }
            }

            SentAuthorizations.Enqueue(request.Headers.Authorization?.ToString());
            SentTo.Enqueue(request.RequestUri);
            Sent.Enqueue(activity);
            var id = Interlocked.Increment(ref _nextId);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"id\":\"sent-{id}\"}}", Encoding.UTF8, "application/json"),
            };
        }

        if (request.Method == HttpMethod.Post && fullPath.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            // CreateConversation: a new 1:1 chat with the member named in the request.
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            CreatedConversations.Enqueue(body);
            var id = $"a:created-{Interlocked.Increment(ref _nextId)}";
            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent($"{{\"id\":\"{id}\"}}", Encoding.UTF8, "application/json"),
            };
        }

        if (request.Method == HttpMethod.Get && path.Contains("/members/", StringComparison.Ordinal))
        {
            var member = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            if (Emails.TryGetValue(member, out var email))
            {
                var json = JsonConvert.SerializeObject(new { id = member, aadObjectId = member, email, userPrincipalName = email, name = member });
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Stands in for Entra ID (client credentials: POST https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token) and for
    /// the managed identity endpoint (GET http://169.254.169.254/metadata/identity/oauth2/token), so outgoing calls get a
    /// token that names who asked: "stand-in-token:{tenant}/{client id}".
    /// </summary>
    private async Task<HttpResponseMessage?> TokenResponseAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        string? asked = null;
        if (uri.Host == "login.microsoftonline.com" && request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = System.Web.HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(cancellationToken));
            asked = $"{uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]}/{form["client_id"]}";
        }
        else if (uri.Host == "169.254.169.254" && uri.AbsolutePath == "/metadata/identity/oauth2/token")
        {
            asked = $"managed-identity/{System.Web.HttpUtility.ParseQueryString(uri.Query)["client_id"]}";
        }
        else if (uri.Host == "login.microsoftonline.com" && uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            const string discovery = """{"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1","metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(discovery, Encoding.UTF8, "application/json") };
        }

        if (asked is null)
        {
            return null;
        }

        TokenRequests.Enqueue(asked);
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var json = JsonConvert.SerializeObject(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["access_token"] = $"stand-in-token:{asked}",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["expires_on"] = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = "https://api.botframework.com",
        });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
