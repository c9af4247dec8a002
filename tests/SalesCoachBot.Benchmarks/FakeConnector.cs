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
    private long _replies;
    private long _failures;

    private FakeConnector(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Replies that were the bot's "something went wrong" apology: a turn that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

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
            if (body?["text"]?.GetValue<string>() is { } text && text.Contains("something went wrong", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref connector._failures);
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapGet("/v3/conversations/{conversation}/members/{member}", (string member) =>
            Results.Json(new { id = member, name = member, email = $"{member}@contoso.test", userPrincipalName = $"{member}@contoso.test" }));
        await app.StartAsync();
        connector.Address = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return connector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
