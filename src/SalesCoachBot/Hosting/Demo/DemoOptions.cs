using Microsoft.Extensions.Options;
using SalesCoachBot.Storage;

namespace SalesCoachBot.Hosting.Demo;

/// <summary>Bound from <c>SalesCoach:Demo</c>: fill the embedded store with a demo team at start-up.</summary>
public sealed class DemoOptions
{
    public const string Section = "SalesCoach:Demo";

    /// <summary>True: at start-up, add the demo team (a manager and six reps) with a year of deals, unless already there.</summary>
    public bool Enabled { get; set; }

    /// <summary>The same seed always gives the same team and deals (dates are relative to the day of the first start).</summary>
    public int Seed { get; set; } = 13;

    /// <summary>The tenant the team lives in; by default the Agents Playground's.</summary>
    public string TenantId { get; set; } = DemoTeam.PlaygroundTenantId;

    /// <summary>The manager's user id (Entra object id); by default the Agents Playground's own user, Alex Wilber.</summary>
    public string ManagerUserId { get; set; } = DemoTeam.PlaygroundUserId;
}

/// <summary>
/// Demo data is for a local try-out: refused outside the Development environment, and on any store but the embedded
/// SQLite file, so a mistyped setting can never write a made-up team into a real tenant's Cosmos DB.
/// </summary>
public sealed class DemoOptionsValidator(IHostEnvironment environment, IOptions<StorageOptions> storage) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (!environment.IsDevelopment())
        {
            problems.Add($"{DemoOptions.Section}:Enabled is for local use: it is refused in the {environment.EnvironmentName} environment (set ASPNETCORE_ENVIRONMENT=Development).");
        }

        if (storage.Value.Provider != StorageProvider.Sqlite)
        {
            problems.Add($"{DemoOptions.Section}:Enabled works only with the embedded SQLite store, not {storage.Value.Provider}.");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ManagerUserId))
        {
            problems.Add($"{DemoOptions.Section}:TenantId and {DemoOptions.Section}:ManagerUserId must not be empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
