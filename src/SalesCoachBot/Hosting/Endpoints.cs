using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Bot;

namespace SalesCoachBot.Hosting;

public static class Endpoints
{
    public const string MessagesPath = "/api/messages";

    public static WebApplication MapSalesCoachEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Before everything else: an exception that escapes the bot is a bare 500 with nothing of the request in it. The
        // Development exception page would print the request's headers (the Authorization token among them).
        app.Use(AnswerUnhandledPlainlyAsync);
        app.UseForwardedHeaders();
        app.MapPost(MessagesPath, HandleMessagesAsync);
        app.MapGet("/healthz", async (IStoreHealth store, CancellationToken ct) =>
            await store.IsHealthyAsync(ct).ConfigureAwait(false)
                ? Results.Ok(new { status = "healthy", store = "ok" })
                : Results.Json(new { status = "unhealthy", store = "not answering" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet(Playbook.ProcessMapPictures.RouteTemplate, (string modelId, Core.Process.SalesProcess process, Playbook.ProcessMapImage image, HttpContext http) =>
        {
            if (process.Models.FirstOrDefault(m => m.Id == modelId) is not { } model)
            {
                return Results.NotFound();
            }

            // The process does not change while the bot runs; clients may keep the picture for an hour.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(image.RenderPng(model), "image/png");
        });
        app.MapChartAndExportEndpoints();
        app.MapGet("/", () => Results.Text("Sales Coach bot is running. Teams talks to it at /api/messages."));
        return app;
    }

    private static async Task AnswerUnhandledPlainlyAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            // Logged by type and path only: the message of an exception may quote the request.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SalesCoachBot.Messages")
                .LogError(ex, "Unhandled {Exception} answering {Method} {Path}", ex.GetType().Name, http.Request.Method, http.Request.Path.Value);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>
    /// Only JSON is an activity. Refusing other media types also keeps a web page in the user's browser from posting to a
    /// local anonymous bot: a cross-site application/json POST needs a CORS pre-flight, which this app never grants.
    /// </summary>
    private static bool IsJson(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task HandleMessagesAsync(
        HttpContext http,
        IBotFrameworkHttpAdapter adapter,
        IBot bot,
        IOptions<BotHostingOptions> options,
        IOptions<BotAuthenticationOptions> authentication,
        ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger("SalesCoachBot.Messages");
        if (!IsJson(http.Request))
        {
            log.LogWarning("Refused a request to {Path} with media type {ContentType}", MessagesPath, LogText.Safe(http.Request.ContentType));
            await Results.Problem(
                    title: "Unsupported media type",
                    detail: "Activities are accepted as application/json (UTF-8) only.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType)
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            // Bodies are small (bounded above), so reading one twice is cheap: once to check it, once by the adapter.
            http.Request.EnableBuffering();
            using var reader = new StreamReader(http.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            if (ActivityRequestCheck.Problem(body, authentication.Value.IsAnonymous) is { } problem)
            {
                // The reason is the check's own wording; a JSON parse error may quote one character of the request.
                log.LogWarning("Refused a malformed activity: {Reason}", LogText.Safe(problem));
                await Results.Problem(title: "Malformed activity", detail: problem, statusCode: StatusCodes.Status400BadRequest)
                    .ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            http.Request.Body.Position = 0;

            // The turn's budget: whatever the store does, the turn stops waiting in time to answer inside Teams' 15 s.
            using var turnBudget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            turnBudget.CancelAfter(TimeSpan.FromSeconds(options.Value.TurnTimeoutSeconds));
            await adapter.ProcessAsync(http.Request, http.Response, bot, turnBudget.Token).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            // Oversized chunked bodies and broken uploads: the client's fault, answered as such.
            http.Response.StatusCode = ex.StatusCode;
        }
        catch (Exception ex) when (ex is SecurityTokenException or SecurityTokenArgumentException && !http.Response.HasStarted)
        {
            // The SDK turns most token failures into a 401 itself, but lets a few escape as exceptions (a key it does not
            // know, a bad signature, a token that is not a JWT): they are the sender's fault too, not a 500.
            log.LogWarning("Refused a request with an invalid Bot Framework token: {Reason}", ex.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Newtonsoft.Json.JsonException ex) when (!http.Response.HasStarted)
        {
            // A body that is valid JSON but not a valid activity (e.g. a string where an object belongs).
            // The serializer's message quotes the request ("Error converting value ..."): its type is enough.
            log.LogWarning("Refused a malformed activity: {Reason}", ex.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
