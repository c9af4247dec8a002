using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using SalesCoachBot.Bot;
using SalesCoachBot.Cards;
using SalesCoachBot.Commands;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Proactive;

/// <summary>
/// Sends reminders and nudges into the user's 1:1 chat through the stored conversation reference. Retries what Teams
/// asks to retry (429, 5xx; honouring Retry-After), and reports a 403 (bot removed or blocked) as <see cref="NotifyResult.Gone"/>.
/// </summary>
public sealed class ProactiveNotifier(
    CloudAdapter adapter,
    IConfiguration configuration,
    SalesProcess process,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    IUserProfileStore profiles,
    Hosting.SalesCoachTelemetry telemetry,
    ILogger<ProactiveNotifier> logger) : IReminderNotifier
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(30);

    public Task<NotifyResult> RemindRepAsync(UserProfile rep, IReadOnlyList<DueReminder> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(reminders);
        var context = ContextFor(rep);
        var reply = reminders.Count == 1
            ? ReminderReply(reminders[0], context)
            : BotReply.Card(ReminderListCard.Summary(reminders, process), ReminderListCard.Build(reminders, process, context.Today));
        return CountedAsync("rep_reminder", SendAsync(rep, reply, cancellationToken));
    }

    public Task<NotifyResult> NudgeManagerAsync(UserProfile manager, UserProfile rep, DueReminder reminder, CancellationToken cancellationToken) =>
        CountedAsync("manager_nudge", SendNudgeAsync(manager, rep, reminder, cancellationToken));

    private async Task<NotifyResult> SendNudgeAsync(UserProfile manager, UserProfile rep, DueReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(reminder);
        if (manager.ConversationReference is null)
        {
            if (await OpenPersonalChatAsync(manager, rep, cancellationToken).ConfigureAwait(false) is not { } opened)
            {
                return NotifyResult.Gone;
            }

            manager = opened;
        }

        var context = ContextFor(manager);
        var view = DealView.For(reminder.Deal, process, context.Now, context.Today);
        var reply = BotReply.Card(ManagerNudgeCard.Summary(view, rep, Replies.CoreText.Reason(reminder.Reason)), ManagerNudgeCard.Build(view, rep, Replies.CoreText.Reason(reminder.Reason)));
        return await SendAsync(manager, reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a 1:1 chat with a manager who never talked to the bot (CreateConversation in the rep's tenant, through the
    /// rep's service URL) and remembers it. Teams allows it only where the app is installed for that user; otherwise
    /// the refusal is logged with what to do.
    /// </summary>
    private async Task<UserProfile?> OpenPersonalChatAsync(UserProfile manager, UserProfile rep, CancellationToken cancellationToken)
    {
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
                configuration["MicrosoftAppId"] ?? string.Empty,
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

    public Task<NotifyResult> SendDigestAsync(UserProfile manager, IReadOnlyList<StalledDeal> stalled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(stalled);
        const string title = "Weekly digest: your team's stalled deals";
        return CountedAsync("digest", SendAsync(manager, BotReply.Card(StalledDealsCard.Summary(title, stalled), StalledDealsCard.Build(title, stalled)), cancellationToken));
    }

    /// <summary>A manager's "ping" reaches the rep as a message in their chat.</summary>
    public Task<NotifyResult> PingRepAsync(UserProfile rep, string managerName, Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(deal);
        var context = ContextFor(rep);
        return CountedAsync("ping", SendAsync(rep, CoachingCommandHandler.Coach(deal, context, headline: null, warnings: [$"{managerName} asked about {deal.Name}: what is the next step?"]), cancellationToken));
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

    private static BotReply ReminderReply(DueReminder reminder, CommandContext context)
    {
        var warning = reminder.Rung == Rung.SecondReminder
            ? $"Second reminder: {reminder.Deal.Name} needs attention: {Replies.CoreText.Reason(reminder.Reason)}. Your manager hears about it next."
            : $"Reminder: {reminder.Deal.Name} needs attention: {Replies.CoreText.Reason(reminder.Reason)}.";
        return CoachingCommandHandler.Coach(reminder.Deal, context, headline: null, warnings: [warning]);
    }

    private CommandContext ContextFor(UserProfile user)
    {
        var now = time.GetUtcNow();
        var zone = user.Zone;
        return new CommandContext(
            user.Key,
            new Actor(user.Name ?? "you", null),
            now,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime),
            zone,
            process,
            TurnActivityId: $"proactive-{Guid.NewGuid():N}");
    }

    private async Task<NotifyResult> SendAsync(UserProfile user, BotReply reply, CancellationToken cancellationToken)
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
                configuration["MicrosoftAppId"] ?? string.Empty,
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
