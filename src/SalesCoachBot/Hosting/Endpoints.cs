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

    private static async Task HandleMessagesAsync(
        HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotHostingOptions> options, ILoggerFactory loggers)
    {
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
            if (ActivityRequestCheck.Problem(body) is { } problem)
            {
                loggers.CreateLogger("SalesCoachBot.Messages").LogWarning("Refused a malformed activity: {Reason}", problem);
                await Results.Problem(title: "Malformed activity", detail: problem, statusCode: StatusCodes.Status400BadRequest)
                    .ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            http.Request.Body.Position = 0;
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted).ConfigureAwait(false);
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
            loggers.CreateLogger("SalesCoachBot.Messages").LogWarning("Refused a request with an invalid Bot Framework token: {Reason}", ex.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Newtonsoft.Json.JsonException ex) when (!http.Response.HasStarted)
        {
            // A body that is valid JSON but not a valid activity (e.g. a string where an object belongs).
            loggers.CreateLogger("SalesCoachBot.Messages").LogWarning("Refused a malformed activity: {Reason}", ex.Message);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
