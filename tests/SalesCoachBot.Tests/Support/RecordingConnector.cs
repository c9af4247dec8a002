using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

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

    /// <summary>Activities sent in reply to one incoming activity, in order.</summary>
    public IReadOnlyList<Activity> RepliesTo(string activityId) =>
        Sent.Where(a => a.ReplyToId == activityId).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var fullPath = request.RequestUri!.AbsolutePath;
        var start = fullPath.IndexOf("/v3/conversations/", StringComparison.Ordinal);
        var path = start < 0 ? fullPath : fullPath[start..];
        if (request.Method == HttpMethod.Post && start >= 0 && path.Contains("/activities", StringComparison.Ordinal))
        {
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
}
