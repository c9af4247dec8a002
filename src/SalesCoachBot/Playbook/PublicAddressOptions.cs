namespace SalesCoachBot.Playbook;

/// <summary>Bound from <c>SalesCoach:Bot</c>, beside the bot's other settings: where Teams fetches the pictures on cards.</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "SalesCoach:Bot";

    /// <summary>
    /// The bot's public https address (e.g. https://salescoach.azurewebsites.net), used for images on cards.
    /// Empty: the address the request came in on.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
