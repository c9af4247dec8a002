using System.Net;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Bot;

/// <summary>
/// Sends proactive messages into a user's 1:1 chat through the stored conversation reference. Retries what Teams asks to
/// retry (429, 5xx; honouring Retry-After), reports a 403 (bot removed or blocked) as <see cref="NotifyResult.Gone"/>, and
/// counts each message once by kind.
/// </summary>
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

    private string AppId => authentication.Value.MicrosoftAppId ?? string.Empty;

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
        for (var attempt = 1; ; attempt++)
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

            var status = (failure as ErrorResponseException)?.Response?.StatusCode;
            if (failure is null)
            {
                return NotifyResult.Sent;
            }

            if (status == HttpStatusCode.Forbidden)
            {
                return NotifyResult.Gone;
            }

            var transient = failure is HttpRequestException || IsTransient(status);
            if (!transient || attempt >= MaxAttempts)
            {
                logger.LogError(failure, "Teams answered {Status} to a proactive message for {UserId}; giving up for now", (int?)status, user.UserId);
                return NotifyResult.Failed;
            }

            var delay = RetryAfter((failure as ErrorResponseException)?.Response) ?? Backoff(attempt);
            logger.LogWarning("Teams answered {Status} to a proactive message for {UserId}; retry {Attempt} of {MaxAttempts} in {DelayMs} ms", (int?)status, user.UserId, attempt, MaxAttempts - 1, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt) => options.Value.ConnectorRetryBackoff * Math.Pow(2, attempt - 1);

    private static bool IsTransient(HttpStatusCode? status) => status is HttpStatusCode.TooManyRequests || (int?)status >= 500;

    private static TimeSpan? RetryAfter(Microsoft.Rest.HttpResponseMessageWrapper? response)
    {
        if (response?.Headers is null || !response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        if (int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, _maxRetryAfter.TotalSeconds));
        }

        return null;
    }
}
