using System.Net;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Polly;
using Polly.Retry;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Bot;

/// <summary>
/// Sends proactive messages into a user's 1:1 chat through the stored conversation reference. Retries what Teams asks to
/// retry (429, 5xx, a request that never arrived; honouring Retry-After) with a Polly retry pipeline, reports a 403 (bot
/// removed or blocked) as <see cref="NotifyResult.Gone"/>, and counts each message once by kind.
/// </summary>
/// <remarks>
/// Why the retries wrap the send here rather than sit on the connector's HttpClient: the Bot Framework connector (4.23.1,
/// <c>ConnectorFactoryImpl.CreateAsync</c>) takes the unnamed client, <c>IHttpClientFactory.CreateClient()</c>, for every
/// call it makes: the replies inside a turn as much as these proactive sends (and the user-token and skill clients use it
/// too). The requests are built inside Microsoft.Rest's <c>ConnectorClient</c>, so nothing on a request tells which path it
/// is on. A resilience handler on that client would retry turn replies as well (a turn has 15 s in Teams, a Retry-After
/// may ask for 30), or would need ambient state to tell the paths apart; and the client's timeout (100 s) would then
/// span every attempt and wait. Around the send, retries cover the proactive path and nothing else: a turn's reply is
/// sent once, and its failure goes to the adapter's OnTurnError as it always did.
/// </remarks>
public sealed class ProactiveSender(
    CloudAdapter adapter,
    IOptions<BotAuthenticationOptions> authentication,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    IUserProfileStore profiles,
    SalesCoachTelemetry telemetry,
    ILogger<ProactiveSender> logger) : IProactiveSender
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(30);

    private ResiliencePipeline<SendAttempt>? _retries;

    private string AppId => authentication.Value.MicrosoftAppId ?? string.Empty;

    /// <summary>
    /// Built on the first send rather than in the constructor: the sender is built while hosted services are resolved,
    /// before start-up validation has checked the backoff it reads.
    /// </summary>
    private ResiliencePipeline<SendAttempt> Retries => LazyInitializer.EnsureInitialized(ref _retries, BuildRetries);

    public Task<NotifyResult> SendAsync(UserProfile user, BotReply reply, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reply);
        return CountedAsync(kind, SendWithRetriesAsync(user, reply, cancellationToken));
    }

    /// <summary>
    /// Opens a 1:1 chat with a manager who never talked to the bot (CreateConversation in the rep's tenant, through the
    /// rep's service URL) and remembers it. Teams allows it only where the app is installed for that user; otherwise
    /// the refusal is logged with what to do.
    /// </summary>
    public async Task<UserProfile?> OpenPersonalChatAsync(UserProfile person, UserProfile via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(via);
        var (manager, rep) = (person, via);
        if (rep.ConversationReference is null)
        {
            return null;
        }

        var repReference = JsonConvert.DeserializeObject<ConversationReference>(rep.ConversationReference)!;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = repReference.Bot,
            Members = [new ChannelAccount(manager.UserId)],
            TenantId = manager.TenantId,
            ChannelData = new Microsoft.Bot.Schema.Teams.TeamsChannelData { Tenant = new Microsoft.Bot.Schema.Teams.TenantInfo(manager.TenantId) },
        };
        ConversationReference? created = null;
        try
        {
            await adapter.CreateConversationAsync(
                AppId,
                repReference.ChannelId,
                repReference.ServiceUrl,
                audience: null,
                parameters,
                (turn, ct) =>
                {
                    created = turn.Activity.GetConversationReference();
                    return Task.CompletedTask;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ErrorResponseException ex)
        {
            logger.LogWarning(
                "Could not open a chat with manager {ManagerId} (Teams answered {Status}); install the app for them (or ask them to say hi to the bot) so nudges can reach them",
                manager.UserId,
                (int?)ex.Response?.StatusCode);
            return null;
        }

        if (created is null)
        {
            return null;
        }

        var opened = manager with { ConversationReference = JsonConvert.SerializeObject(created), ConversationActive = true };
        await profiles.UpdateAsync(manager.Key, current => (current ?? opened) with { ConversationReference = opened.ConversationReference, ConversationActive = true }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Opened a chat with manager {ManagerId} for a nudge", manager.UserId);
        return opened;
    }

    /// <summary>Counts each proactive message once, by kind: sent, or failed as "gone" (no chat, or 403) or "failed" (retries used up).</summary>
    private async Task<NotifyResult> CountedAsync(string notification, Task<NotifyResult> sending)
    {
        NotifyResult result;
        try
        {
            result = await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            telemetry.NotificationFailed(notification, "error");
            throw;
        }

        if (result == NotifyResult.Sent)
        {
            telemetry.NotificationSent(notification);
        }
        else
        {
            telemetry.NotificationFailed(notification, result == NotifyResult.Gone ? "gone" : "failed");
        }

        return result;
    }

    private async Task<NotifyResult> SendWithRetriesAsync(UserProfile user, BotReply reply, CancellationToken cancellationToken)
    {
        if (user.ConversationReference is null)
        {
            return NotifyResult.Gone;
        }

        var reference = JsonConvert.DeserializeObject<ConversationReference>(user.ConversationReference)!;
        var last = await Retries.ExecuteAsync(
            async ct => await SendOnceAsync(user.UserId, reference, reply, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (last.Failure is null)
        {
            return NotifyResult.Sent;
        }

        if (last.Status == HttpStatusCode.Forbidden)
        {
            return NotifyResult.Gone;
        }

        logger.LogError(last.Failure, "Teams answered {Status} to a proactive message for {UserId}; giving up for now", (int?)last.Status, user.UserId);
        return NotifyResult.Failed;
    }

    private async Task<SendAttempt> SendOnceAsync(string userId, ConversationReference reference, BotReply reply, CancellationToken cancellationToken)
    {
        // The failure is caught inside the turn: letting it escape would hand it to the adapter's OnTurnError,
        // which answers the user in the same (failing) chat and hides the status from us.
        Exception? failure = null;
        await adapter.ContinueConversationAsync(
            AppId,
            reference,
            async (turn, ct) =>
            {
                try
                {
                    await turn.SendActivityAsync(reply.ToActivity(), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ErrorResponseException or HttpRequestException)
                {
                    failure = ex;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return new SendAttempt(userId, failure);
    }

    /// <summary>
    /// Up to <see cref="MaxAttempts"/> tries of what Teams asks to retry: after the Retry-After Teams gives (capped, so one
    /// throttled chat cannot hold the sweep for long), else after the configured backoff, doubling. Delays run on the
    /// injected <see cref="TimeProvider"/>, so tests on fake time do not wait.
    /// </summary>
    private ResiliencePipeline<SendAttempt> BuildRetries() =>
        new ResiliencePipelineBuilder<SendAttempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<SendAttempt>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTransient: true }),
                MaxRetryAttempts = MaxAttempts - 1,
                Delay = options.Value.ConnectorRetryBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Teams answered {Status} to a proactive message for {UserId}; retry {Attempt} of {MaxAttempts} in {DelayMs} ms",
                        (int?)args.Outcome.Result?.Status,
                        args.Outcome.Result?.UserId,
                        args.AttemptNumber + 1,
                        MaxAttempts - 1,
                        (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>One try at a proactive send: delivered (no failure), or what Teams or the network answered instead.</summary>
    private sealed record SendAttempt(string UserId, Exception? Failure)
    {
        public HttpStatusCode? Status => (Failure as ErrorResponseException)?.Response?.StatusCode;

        /// <summary>What is worth another try: a request that never arrived, throttling (429), or Teams' own errors (5xx).</summary>
        public bool IsTransient => Failure is HttpRequestException || Status is HttpStatusCode.TooManyRequests || (int?)Status >= 500;

        /// <summary>The wait Teams asks for, in seconds, capped at <see cref="_maxRetryAfter"/>; none if it names none.</summary>
        public TimeSpan? RetryAfter
        {
            get
            {
                var headers = (Failure as ErrorResponseException)?.Response?.Headers;
                if (headers is null || !headers.TryGetValue("Retry-After", out var values))
                {
                    return null;
                }

                return int.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                    ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, _maxRetryAfter.TotalSeconds))
                    : null;
            }
        }
    }
}
