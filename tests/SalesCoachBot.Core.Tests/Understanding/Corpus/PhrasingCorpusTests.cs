using System.Globalization;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using Xunit.Abstractions;

namespace SalesCoachBot.Core.Tests.Understanding.Corpus;

/// <summary>
/// How well the parser understands messages written the way reps, new hires and managers type (Corpus/README.md).
/// Each part of the corpus is scored on its own; the score is printed (run with a detailed console logger to see it).
/// </summary>
public sealed class PhrasingCorpusTests(ITestOutputHelper output)
{
    /// <summary>The share of messages that must be understood exactly (intent and every listed field).</summary>
    public const double RequiredAccuracy = 0.97;

    private static readonly ParseContext _context = new(PhrasingCorpus.Today, ProcessLoader.LoadDefault());

    [Theory]
    [InlineData("heldout.tsv")]
    [InlineData("second.tsv")]
    [InlineData("third.tsv")]
    [InlineData("fourth.tsv")]
    [InlineData("review-2026-11-30.tsv")]
    [InlineData("reminders.tsv")]
    [InlineData("whole-sentences.tsv")]
    public void The_parser_understands_at_least_97_percent_of_the_corpus(string part)
    {
        var lines = PhrasingCorpus.Load(part);
        var misread = lines
            .Select(line => (line, why: PhrasingCorpus.Mismatch(line, PhrasingCorpus.Read(CommandParser.Parse(line.Message, _context)))))
            .Where(r => r.why is not null)
            .ToList();
        var accuracy = 1 - ((double)misread.Count / lines.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Phrasing corpus {part}: {lines.Count - misread.Count} of {lines.Count} understood ({accuracy:P1})"));
        foreach (var (line, why) in misread)
        {
            output.WriteLine($"  {line.Id} \"{line.Message}\": {why}");
        }

        Assert.True(accuracy >= RequiredAccuracy, $"{part}: {accuracy:P1} understood, below {RequiredAccuracy:P0}. Misread:\n" + string.Join("\n", misread.Select(m => $"{m.line.Id} \"{m.line.Message}\": {m.why}")));
    }

    [Theory]
    [InlineData("heldout.tsv")]
    [InlineData("second.tsv")]
    [InlineData("third.tsv")]
    [InlineData("fourth.tsv")]
    [InlineData("review-2026-11-30.tsv")]
    [InlineData("reminders.tsv")]
    [InlineData("whole-sentences.tsv")]
    public void A_misread_never_changes_a_different_deal_than_meant(string part)
    {
        var wrongDeal = PhrasingCorpus.Load(part)
            .Select(line => (line, reading: PhrasingCorpus.Read(CommandParser.Parse(line.Message, _context))))
            .Where(r => PhrasingCorpus.ChangedDeal(r.reading) is { } changed
                && !(r.line.Fields.TryGetValue("deal", out var meant) && meant.Split('|').Any(m => PhrasingCorpus.Normalise(m) == PhrasingCorpus.Normalise(changed))))
            .Select(r => $"{r.line.Id} \"{r.line.Message}\" would change \"{PhrasingCorpus.ChangedDeal(r.reading)}\" ({r.reading.Intent})")
            .ToList();

        Assert.Empty(wrongDeal);
    }

    [Fact]
    public void The_scorer_counts_a_wrong_field_as_a_misread()
    {
        var line = new CorpusLine("T1", "move contoso to proposal", "move", new Dictionary<string, string> { ["deal"] = "contoso", ["stage"] = "proposal" });

        Assert.Null(PhrasingCorpus.Mismatch(line, PhrasingCorpus.Read(new MoveDeal("Contoso", "Proposal"))));
        Assert.NotNull(PhrasingCorpus.Mismatch(line, PhrasingCorpus.Read(new MoveDeal("contoso", "negotiation"))));
        Assert.NotNull(PhrasingCorpus.Mismatch(line, PhrasingCorpus.Read(new ShowDeal("contoso"))));
    }
}
