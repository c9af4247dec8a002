using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Reminders;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Issue 6: with an app id configured, only requests the Teams channel signed for this bot get in, and replies go out as the bot.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "5a1e5c0a-0000-4000-8000-00000000b07a";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = Secured(new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppPassword"] = "stand-in-secret",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static BotApp Secured(Dictionary<string, string?> settings)
    {
        settings["MicrosoftAppId"] = AppId;
        return new BotApp(settings: settings) { Authorization = SignedByTheChannel };
    }

    private static string SignedByTheChannel(Activity activity) => "Bearer " + ChannelTokens.Create(AppId, activity.ServiceUrl);

    /// <summary>
    /// Posts "new deal" with the given Authorization header; then checks, as the real rep, that nothing was created or
    /// answered, and, as the admin reading the log, that the refusal is one warning, not an error with a stack trace
    /// (a flood of forged requests must not fill the error log), and that the header is not in it.
    /// </summary>
    private async Task AssertRefusedAndNothingChangedAsync(Func<Activity, string?> authorization)
    {
        _app.Authorization = authorization;
        var message = _app.Message(Dana, "new deal Contoso Ltd 45k");
        var header = authorization(message);
        var (status, _) = await _app.PostAsync(message);

        Assert.Equal(401, status);
        Assert.Single(_app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("token could not be validated", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(_app.Logs.Entries, e => header is not null && e.Message.Contains(header[7..], StringComparison.Ordinal));
        Assert.Empty(_app.Connector.Sent);
        _app.Authorization = SignedByTheChannel;
        Assert.Contains("no open deals", Text(SingleCard(await _app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_signed_by_the_channel_for_this_bot_is_answered_with_the_bots_own_token()
    {
        var card = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));

        Assert.Contains("Created Contoso Ltd", Text(card), StringComparison.Ordinal);
        Assert.Equal($"Bearer stand-in-token:botframework.com/{AppId}", Assert.Single(_app.Connector.SentAuthorizations));
    }

    [Fact]
    public async Task A_message_without_a_token_is_refused_and_changes_nothing() =>
        await AssertRefusedAndNothingChangedAsync(_ => null);

    [Theory]
    [InlineData("sales-coach-test-channel-key")]
    [InlineData("a-key-the-channel-never-published")]
    public async Task A_token_signed_with_another_key_is_refused_and_changes_nothing(string keyId)
    {
        using var stranger = RSA.Create(2048);

        await AssertRefusedAndNothingChangedAsync(a => "Bearer " + ChannelTokens.Create(AppId, a.ServiceUrl, signedWith: stranger, keyId: keyId));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_changes_nothing() =>
        await AssertRefusedAndNothingChangedAsync(a => "Bearer " + ChannelTokens.Create(AppId, a.ServiceUrl, validFor: TimeSpan.FromMinutes(-30)));

    [Fact]
    public async Task A_token_for_another_bot_is_refused_and_changes_nothing() =>
        await AssertRefusedAndNothingChangedAsync(a => "Bearer " + ChannelTokens.Create("another-bots-app-id", a.ServiceUrl));

    [Fact]
    public async Task A_token_issued_for_another_service_url_is_refused_and_changes_nothing() =>
        await AssertRefusedAndNothingChangedAsync(_ => "Bearer " + ChannelTokens.Create(AppId, "https://smba.attacker.example.test/teams/"));

    [Fact]
    public async Task A_reminder_goes_out_with_the_bots_own_token()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var rep = (await _app.Services.GetRequiredService<IUserProfileStore>().GetAsync(new OwnerKey(Dana.TenantId, Dana.Id), CancellationToken.None))!;
        var deal = Assert.Single(await _app.Services.GetRequiredService<IDealStore>().ListAsync(rep.Key, false, CancellationToken.None));

        var result = await _app.Services.GetRequiredService<ReminderNotifier>().RemindRepAsync(rep, [new DueReminder(deal, Rung.FirstReminder, new FollowUpDue("Prospect"))], CancellationToken.None);

        Assert.Equal(NotifyResult.Sent, result);
        Assert.Equal(2, _app.Connector.SentAuthorizations.Count);
        Assert.All(_app.Connector.SentAuthorizations, header => Assert.Equal($"Bearer stand-in-token:botframework.com/{AppId}", header));
    }

    [Fact]
    public async Task A_header_that_is_not_a_token_is_refused_and_changes_nothing() =>
        await AssertRefusedAndNothingChangedAsync(_ => "Bearer not-a-token");

    [Fact]
    public async Task A_single_tenant_bot_replies_with_a_token_of_its_own_tenant()
    {
        await using var app = Secured(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppPassword"] = "stand-in-secret",
            ["MicrosoftAppTenantId"] = Dana.TenantId,
        });

        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await app.SayAsync(Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);
        Assert.Equal($"Bearer stand-in-token:{Dana.TenantId}/{AppId}", Assert.Single(app.Connector.SentAuthorizations));
    }

    [Fact]
    public async Task A_bot_with_a_managed_identity_replies_with_the_identitys_token()
    {
        await using var app = Secured(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = Dana.TenantId,
        });

        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await app.SayAsync(Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);
        Assert.Equal($"Bearer stand-in-token:managed-identity/{AppId}", Assert.Single(app.Connector.SentAuthorizations));
    }

    [Fact]
    public async Task A_single_tenant_bot_ignores_a_user_of_another_tenant()
    {
        await using var app = Secured(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppPassword"] = "stand-in-secret",
            ["MicrosoftAppTenantId"] = Dana.TenantId,
        });
        var outsider = Dana with { TenantId = "tenant-fabrikam" };

        var (status, _) = await app.PostAsync(app.Message(outsider, "new deal Contoso Ltd 45k"));

        Assert.Equal(200, status);
        Assert.Empty(app.Connector.Sent);
        Assert.Empty(await app.Services.GetRequiredService<IDealStore>().ListAsync(new OwnerKey(outsider.TenantId, outsider.Id), true, CancellationToken.None));
    }
}
