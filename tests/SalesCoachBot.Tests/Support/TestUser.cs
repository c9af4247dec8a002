namespace SalesCoachBot.Tests.Support;

/// <summary>A Teams user in a test conversation.</summary>
public sealed record TestUser(string Id, string Name, string TenantId = "tenant-contoso", string? TimeZone = "Europe/Berlin")
{
    public static TestUser Dana { get; } = new("aad-dana", "Dana Rep");

    public static TestUser Sam { get; } = new("aad-sam", "Sam Rep");

    public string ConversationId => $"a:personal-{Id}";
}
