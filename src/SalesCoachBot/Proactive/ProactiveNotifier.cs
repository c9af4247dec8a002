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
        return SendAsync(rep, reply, cancellationToken);
    }

    public Task<NotifyResult> NudgeManagerAsync(UserProfile manager, UserProfile rep, DueReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(reminder);
        var context = ContextFor(manager);
        var view = DealView.For(reminder.Deal, process, context.Now, context.Today);
        var reply = BotReply.Card(ManagerNudgeCard.Summary(view, rep, reminder.Reason), ManagerNudgeCard.Build(view, rep, reminder.Reason));
        return SendAsync(manager, reply, cancellationToken);
    }

    /// <summary>A manager's "ping" reaches the rep as a message in their chat.</summary>
    public Task<NotifyResult> PingRepAsync(UserProfile rep, string managerName, Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(deal);
        var context = ContextFor(rep);
        return SendAsync(rep, CoachingCommandHandler.Coach(deal, context, headline: null, warnings: [$"{managerName} asked about {deal.Name}: what is the next step?"]), cancellationToken);
    }

    private static BotReply ReminderReply(DueReminder reminder, CommandContext context)
    {
        var warning = reminder.Rung == Rung.SecondReminder
            ? $"Second reminder: {reminder.Deal.Name} needs attention: {reminder.Reason}. Your manager hears about it next."
            : $"Reminder: {reminder.Deal.Name} needs attention: {reminder.Reason}.";
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
            try
            {
                await adapter.ContinueConversationAsync(
                    configuration["MicrosoftAppId"] ?? string.Empty,
                    reference,
                    (turn, ct) => turn.SendActivityAsync(reply.ToActivity(), ct),
                    cancellationToken).ConfigureAwait(false);
                return NotifyResult.Sent;
            }
            catch (ErrorResponseException ex) when (ex.Response?.StatusCode == HttpStatusCode.Forbidden)
            {
                return NotifyResult.Gone;
            }
            catch (ErrorResponseException ex) when (IsTransient(ex.Response?.StatusCode) && attempt < MaxAttempts)
            {
                var delay = RetryAfter(ex.Response) ?? TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                logger.LogWarning("Teams answered {Status} to a proactive message for {UserId}; retry {Attempt} of {MaxAttempts} in {DelayMs} ms", (int)ex.Response!.StatusCode, user.UserId, attempt, MaxAttempts - 1, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (ErrorResponseException ex)
            {
                logger.LogError(ex, "Teams answered {Status} to a proactive message for {UserId}; giving up for now", (int?)ex.Response?.StatusCode, user.UserId);
                return NotifyResult.Failed;
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                logger.LogWarning(ex, "Teams could not be reached for {UserId}; retry {Attempt} of {MaxAttempts}", user.UserId, attempt, MaxAttempts - 1);
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), time, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                logger.LogError(ex, "Teams could not be reached for {UserId}; giving up for now", user.UserId);
                return NotifyResult.Failed;
            }
        }
    }

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
