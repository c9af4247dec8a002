using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Conversation;
using SalesCoachBot.Help;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Bot;

/// <summary>Thin on purpose: read the activity, hand it to the router, send what comes back.</summary>
public sealed class CoachActivityHandler(ICommandRouter router, ConversationDirectory directory, SalesProcess process) : TeamsActivityHandler
{
    private const string SeeBelow = "See my reply below.";

    private const string UnknownUser = "I couldn't tell who sent that message, so I can't show or change any deals. Please message me from Teams.";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (await directory.RememberAsync(turnContext, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            await turnContext.SendActivityAsync(UnknownUser, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var reply = await router.HandleAsync(ActivityInput.From(turnContext, user.Key, user.TimeZone) with { Profile = user.Profile }, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[TurnTelemetryMiddleware.CommandKindKey] = reply.CommandKind;
        if (reply.IsRepeat)
        {
            // A Teams retry of a message whose change is already stored: its first copy answered; a second answer would
            // show the user the same card twice.
            return;
        }

        await turnContext.SendActivityAsync(reply.ToActivity(), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (await directory.RememberAsync(turnContext, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return ReplyActivity.InvokeMessage(UnknownUser);
        }

        var reply = await router.HandleAsync(ActivityInput.From(turnContext, user.Key, user.TimeZone) with { Profile = user.Profile }, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[TurnTelemetryMiddleware.CommandKindKey] = reply.CommandKind;
        if (reply.IsRepeat)
        {
            // Teams shows an error for an invoke answered without a body: a retried click is told it was done.
            return ReplyActivity.InvokeMessage(reply.Text);
        }

        if (reply.ReplacesCard)
        {
            // Universal Actions: the clicked card is replaced in place by the answer, so its buttons cannot be used again.
            var card = reply.Cards.Count > 0 ? reply.Cards[0] : NoticeCard.Build(reply.Text);
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = 200,
                Type = Cards.Model.AdaptiveCard.ContentType,
                Value = ReplyActivity.ToAttachment(card, reply.Text).Content,
            };
        }

        // The answer goes to the chat as a new message; the clicked card stays as it was, with a short note.
        await turnContext.SendActivityAsync(reply.ToActivity(), cancellationToken).ConfigureAwait(false);
        return ReplyActivity.InvokeMessage(SeeBelow);
    }

    /// <summary>
    /// The SDK asks Teams for every member added (one connector call each: 1,000 members, 1,000 calls) before
    /// <see cref="OnMembersAddedAsync"/>. The welcome greets one member by name, so at most that one is asked for, and
    /// only when the activity does not name them (the Agents Playground does not).
    /// </summary>
    protected override async Task OnTeamsMembersAddedDispatchAsync(
        IList<ChannelAccount> membersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var members = membersAdded.ToList();
        var greeted = members.FindIndex(m => m.Id != turnContext.Activity.Recipient?.Id);
        if (greeted >= 0 && string.IsNullOrWhiteSpace(members[greeted].Name))
        {
            try
            {
                var member = await TeamsInfo.GetMemberAsync(turnContext, members[greeted].Id, cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(member?.Name))
                {
                    members[greeted] = new ChannelAccount(members[greeted].Id, ActivityNormalizationMiddleware.Capped(member.Name));
                }
            }
            catch (Exception ex) when (ex is ErrorResponseException or HttpRequestException or InvalidOperationException or ArgumentException)
            {
                // Without the name the welcome says "Hi there"; nothing else depends on it.
            }
        }

        await OnMembersAddedAsync(members, turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botAdded = membersAdded.Any(m => m.Id == activity.Recipient?.Id);
        var userJoinedPersonalChat = activity.Conversation?.ConversationType is null or "personal"
            && membersAdded.Any(m => m.Id != activity.Recipient?.Id);
        if (!botAdded && !userJoinedPersonalChat)
        {
            return;
        }

        await directory.RememberAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var name = membersAdded.FirstOrDefault(m => m.Id != activity.Recipient?.Id)?.Name ?? activity.From?.Name ?? "there";
        var reply = BotReply.Card(WelcomeCard.Summary(name), WelcomeCard.Build(name, process));
        turnContext.TurnState[TurnTelemetryMiddleware.CommandKindKey] = "Welcome";
        await turnContext.SendActivityAsync(reply.ToActivity(), cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        directory.RememberAsync(turnContext, cancellationToken);
}
