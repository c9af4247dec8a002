using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

public class DealNameMatcherTests
{
    // Candidates and expected matches are "|"-separated so each case reads on one line.
    [Theory]
    // 1. Exact, legal suffix included
    [InlineData("Contoso Pharma", "Contoso Ltd|Contoso Pharma", NameMatchKind.Unique, "Contoso Pharma")]
    [InlineData("CONTOSO, LTD.", "Contoso Ltd|Contoso Pharma", NameMatchKind.Unique, "Contoso Ltd")]
    [InlineData("cafe nova", "Café Nova|Fabrikam", NameMatchKind.Unique, "Café Nova")]
    [InlineData("contoso", "Contoso Ltd|Contoso", NameMatchKind.Unique, "Contoso")]
    [InlineData("contoso ltd", "Contoso Ltd|Contoso Inc", NameMatchKind.Unique, "Contoso Ltd")]
    [InlineData("fabrikam", "Fabrikam|Fabrikam", NameMatchKind.Ambiguous, "Fabrikam|Fabrikam")]
    // 2. Exact but for the legal suffix the user typed
    [InlineData("contoso ltd", "Contoso|Contoso Pharma", NameMatchKind.Unique, "Contoso")]
    [InlineData("contoso inc", "Contoso Ltd|Contoso Pharma", NameMatchKind.Unique, "Contoso Ltd")]
    [InlineData("Contoso Limited", "Contoso Ltd|Fabrikam", NameMatchKind.Unique, "Contoso Ltd")]
    // 3. Leading words
    [InlineData("contoso", "Contoso Ltd|Fabrikam", NameMatchKind.Unique, "Contoso Ltd")]
    [InlineData("contoso", "Contoso Ltd|Contoso Pharma", NameMatchKind.Ambiguous, "Contoso Ltd|Contoso Pharma")]
    [InlineData("contoso", "Contoso Pharma|Fabrikam|Contoso Ltd", NameMatchKind.Ambiguous, "Contoso Pharma|Contoso Ltd")]
    [InlineData("fabrikam north", "Fabrikam North America|Fabrikam South", NameMatchKind.Unique, "Fabrikam North America")]
    [InlineData("fabrikam", "Fabrikam North America|Fabrikam South", NameMatchKind.Ambiguous, "Fabrikam North America|Fabrikam South")]
    [InlineData("contoso ltd", "Contoso Holdings Ltd|Fabrikam", NameMatchKind.Unique, "Contoso Holdings Ltd")]
    // 4. Inner words
    [InlineData("pharma", "Contoso Ltd|Contoso Pharma", NameMatchKind.Unique, "Contoso Pharma")]
    [InlineData("north america", "Fabrikam North America|Northwind Traders", NameMatchKind.Unique, "Fabrikam North America")]
    // 5. Prefix of the first word, 3+ characters
    [InlineData("cont", "Contoso Ltd|Fabrikam", NameMatchKind.Unique, "Contoso Ltd")]
    [InlineData("con", "Contoso Ltd|Contoso Pharma|Fabrikam", NameMatchKind.Ambiguous, "Contoso Ltd|Contoso Pharma")]
    [InlineData("fab", "Contoso Ltd|Fabrikam North America", NameMatchKind.Unique, "Fabrikam North America")]
    // 6. Word starts in order, skipping words of the name (the review of 2026-11-30)
    [InlineData("contoso exp", "Contoso expansion|Contoso Ltd", NameMatchKind.Unique, "Contoso expansion")]
    [InlineData("wide world renewal", "Wide World Importers renewal|Wide World Importers", NameMatchKind.Unique, "Wide World Importers renewal")]
    [InlineData("blue yonder renewal", "Blue Yonder Airlines renewal|Blue Yonder Airlines", NameMatchKind.Unique, "Blue Yonder Airlines renewal")]
    [InlineData("graphic design inst.", "Graphic Design Institute|Fabrikam", NameMatchKind.Unique, "Graphic Design Institute")]
    [InlineData("wingtip toys exp", "Wingtip Toys expansion|Wingtip Toys", NameMatchKind.Unique, "Wingtip Toys expansion")]
    [InlineData("wide world renewal", "Wide World Importers renewal|Wide World Traders renewal", NameMatchKind.Ambiguous, "Wide World Importers renewal|Wide World Traders renewal")]
    // 7. One typo from 5 characters, two from 9
    [InlineData("contsoo", "Contoso Ltd|Fabrikam", NameMatchKind.Unique, "Contoso Ltd")]
    [InlineData("contsoo", "Contoso Ltd|Contoso Pharma", NameMatchKind.Ambiguous, "Contoso Ltd|Contoso Pharma")]
    [InlineData("fabrkam", "Contoso Ltd|Fabrikam North America", NameMatchKind.Unique, "Fabrikam North America")]
    [InlineData("nortwind tradrs", "Northwind Traders|Fabrikam", NameMatchKind.Unique, "Northwind Traders")]
    public void A_query_finds_deals_by_the_first_rule_that_matches(string query, string candidates, NameMatchKind kind, string expected)
    {
        var result = DealNameMatcher.Match(query, candidates.Split('|'), name => name);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(expected.Split('|'), result.Matches);
    }

    [Theory]
    [InlineData("", "Contoso Ltd|Fabrikam")]
    [InlineData("   ", "Contoso Ltd|Fabrikam")]
    [InlineData("!!!", "Contoso Ltd|Fabrikam")]
    // Legal suffixes and stop words never match alone
    [InlineData("ltd", "Contoso Ltd|Fabrikam Ltd")]
    [InlineData("co", "Contoso Ltd|Coho Winery|Co")]
    [InlineData("the", "The Phone Company|Fabrikam")]
    [InlineData("the co.", "The Phone Company|Fabrikam")]
    // Too short to be a prefix
    [InlineData("fa", "Contoso Ltd|Fabrikam")]
    // A prefix only counts at the start of the name
    [InlineData("toso", "Contoso Ltd|Fabrikam")]
    // Too short for a typo, or too many typos
    [InlineData("nvoa", "Nova Labs|Fabrikam")]
    [InlineData("cntso", "Contoso Ltd|Fabrikam")]
    [InlineData("nortwnd tradrs", "Northwind Traders|Fabrikam")]
    [InlineData("tailspin", "Contoso Ltd|Fabrikam")]
    // Word starts only count from the name's first word, in order, every one found
    [InlineData("world renewal", "Wide World Importers renewal|Fabrikam")]
    [InlineData("renewal wide world", "Wide World Importers renewal|Fabrikam")]
    [InlineData("wide world renewal", "Wide World Importers|Fabrikam")]
    public void A_query_that_matches_nothing_finds_nothing(string query, string candidates)
    {
        var result = DealNameMatcher.Match(query, candidates.Split('|'), name => name);

        Assert.Equal(NameMatchKind.None, result.Kind);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public void Without_typos_a_name_one_slip_from_another_is_not_it_but_a_shortened_one_still_is()
    {
        Assert.Equal(NameMatchKind.None, DealNameMatcher.Match("Filler 2", ["Filler 1"], name => name, allowTypos: false).Kind);
        Assert.Equal(NameMatchKind.Unique, DealNameMatcher.Match("Filler 2", ["Filler 1"], name => name).Kind);
        Assert.Equal(NameMatchKind.Unique, DealNameMatcher.Match("Woodgrove", ["Woodgrove Bank rollout"], name => name, allowTypos: false).Kind);
    }

    [Fact]
    public void No_candidates_means_no_match()
    {
        var result = DealNameMatcher.Match("contoso", Array.Empty<string>(), name => name);

        Assert.Equal(NameMatchKind.None, result.Kind);
    }

    [Fact]
    public void Matches_are_the_candidates_themselves()
    {
        var contoso = new Deal(1, "Contoso Ltd");
        var fabrikam = new Deal(2, "Fabrikam");

        var result = DealNameMatcher.Match("contoso", [contoso, fabrikam], deal => deal.Name);

        Assert.Equal(NameMatchKind.Unique, result.Kind);
        Assert.Same(contoso, Assert.Single(result.Matches));
    }

    [Theory]
    [InlineData("CONTOSO, LTD.", "contoso")]
    [InlineData("Café  Nova", "cafe nova")]
    [InlineData("Zürich Versicherung AG", "zurich versicherung")]
    [InlineData("Müller GmbH", "muller")]
    [InlineData("Contoso S.A.", "contoso")]
    [InlineData("Contoso Holdings Co., Ltd.", "contoso holdings")]
    [InlineData("Fabrikam-North America Inc.", "fabrikam north america")]
    [InlineData("O'Brien & Sons", "obrien sons")]
    [InlineData("The Company Store", "the company store")] // suffixes only at the end
    [InlineData("Co", "co")] // never normalized away entirely
    [InlineData("  ", "")]
    public void Normalize_keeps_only_what_distinguishes_a_name(string name, string expected)
    {
        Assert.Equal(expected, DealNameMatcher.Normalize(name));
    }

    [Theory]
    [InlineData("contoso", "contoso", 0)]
    [InlineData("contsoo", "contoso", 1)] // a swap is one edit
    [InlineData("fabrkam", "fabrikam", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: no edits on a swapped pair
    public void Edit_distance_counts_swaps_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(a, b));
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(b, a));
    }

    private sealed record Deal(int Id, string Name);
}
