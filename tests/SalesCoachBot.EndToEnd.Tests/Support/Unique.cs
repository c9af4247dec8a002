namespace SalesCoachBot.EndToEnd.Tests.Support;

internal static class Unique
{
    /// <summary>A deal name no other test uses: the word plus four random letters ("Fabrikam Qzvt").</summary>
    public static string Name(string word)
    {
        var letters = Enumerable.Range(0, 4).Select(i => (char)((i == 0 ? 'A' : 'a') + Random.Shared.Next(26)));
        return $"{word} {string.Concat(letters)}";
    }
}
