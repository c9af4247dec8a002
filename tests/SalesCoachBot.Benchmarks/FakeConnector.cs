using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// Stands in for the Teams connector on 127.0.0.1: accepts every reply (as Teams does, with an id) and answers the
/// member look-up, and counts what it got, so that the benchmark knows every turn was answered, and answered well.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _answered = new(StringComparer.Ordinal);
    private long _replies;
    private long _failures;

    private FakeConnector(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Replies that were the bot's "something went wrong" apology: a turn that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>
    /// Whether a reply to <paramref name="activityId"/> has come, and whether one of its replies told the user the turn
    /// did not work (something went wrong, could not save, took too long).
    /// </summary>
    public (bool Answered, bool Apologised) AnswerTo(string activityId) =>
        _answered.TryGetValue(activityId, out var apologised) ? (true, apologised) : (false, false);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{**rest}", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            Interlocked.Increment(ref connector._replies);
            var text = body?["text"]?.GetValue<string>();
            if (text is not null && text.Contains("something went wrong", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref connector._failures);
            }

            if (body?["replyToId"]?.GetValue<string>() is { } replyTo)
            {
                var apology = text is not null && _apologies.Any(a => text.Contains(a, StringComparison.OrdinalIgnoreCase));
                connector._answered.AddOrUpdate(replyTo, apology, (_, before) => before || apology);
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapGet("/v3/conversations/{conversation}/members/{member}", (string member) =>
            Results.Json(new { id = member, name = member, email = $"{member}@contoso.test", userPrincipalName = $"{member}@contoso.test" }));
        await app.StartAsync();
        connector.Address = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return connector;
    }

    private static readonly string[] _apologies = ["something went wrong", "couldn't save", "took me too long"];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
