using System.Text.RegularExpressions;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Architecture;

/// <summary>
/// The host is shaped by feature, and its folders depend on each other one way only: the Bot Framework edge and the
/// wiring on the features, the features on the shared replies and the conversation types, never back.
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>Each folder, with the folders it may use. Anything else is a dependency pointing the wrong way.</summary>
    private static readonly Dictionary<string, string[]> _allowed = new()
    {
        ["Cards"] = [],
        ["Conversation"] = ["Cards"],
        ["Replies"] = ["Cards", "Conversation"],
        ["Help"] = ["Cards", "Conversation", "Replies"],
        ["Deals"] = ["Cards", "Conversation", "Replies"],
        ["Coaching"] = ["Cards", "Conversation", "Replies"],
        ["Playbook"] = ["Cards", "Conversation", "Replies"],
        ["Reminders"] = ["Cards", "Conversation", "Replies"],
        ["Insights"] = ["Cards", "Conversation", "Replies"],
        ["Bot"] = ["Cards", "Conversation", "Replies", "Help"],
        ["Hosting"] = ["Cards", "Conversation", "Replies", "Help", "Deals", "Coaching", "Playbook", "Reminders", "Insights", "Bot"],
    };

    [Fact]
    public void Host_folders_depend_only_on_the_folders_below_them()
    {
        // tests/tools is two folders below the repository root.
        var root = Path.GetFullPath(Path.Combine(TestTools.Directory, "..", "..", "src", "SalesCoachBot"));
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Length < 2 || parts[0] is "obj" or "bin")
            {
                continue;
            }

            var folder = parts[0];
            Assert.True(_allowed.ContainsKey(folder), $"{relative} is in a folder the layering does not know; add it to the table with its place.");
            var code = File.ReadAllText(file);
            foreach (var other in _allowed.Keys.Where(f => f != folder && Uses(code, f)))
            {
                if (!_allowed[folder].Contains(other))
                {
                    wrong.Add($"{relative} uses {other}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_check_sees_a_using_a_qualified_name_and_a_static_import()
    {
        Assert.True(Uses("using SalesCoachBot.Deals;", "Deals"));
        Assert.True(Uses("var x = Deals.PipelineCard.Build();", "Deals"));
        Assert.True(Uses("using static SalesCoachBot.Replies.CardParts;", "Replies"));
        Assert.False(Uses("using SalesCoachBot.Core.Deals;", "Deals"));
        Assert.False(Uses("var deals = store.Deals;", "Deals"));
    }

    private static bool Uses(string code, string folder) =>
        Regex.IsMatch(code, $@"(?:using (?:static )?SalesCoachBot\.{folder}\b|(?<![\w.]){folder}\.[A-Z]|SalesCoachBot\.{folder}\.)");
}
