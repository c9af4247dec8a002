using System.Text.Json.Nodes;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Tests.Process;

public class ProcessLoaderTests
{
    private static string DefaultJson()
    {
        using var stream = typeof(ProcessLoader).Assembly.GetManifestResourceStream("SalesCoachBot.Core.default-process.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static ProcessLoadException LoadBroken(Action<JsonObject> breakIt)
    {
        var json = JsonNode.Parse(DefaultJson())!.AsObject();
        breakIt(json);
        return Assert.Throws<ProcessLoadException>(() => ProcessLoader.Parse(json.ToJsonString(), "broken.json"));
    }

    [Fact]
    public void The_default_process_has_the_three_selling_models_with_their_stages_in_order()
    {
        var process = ProcessLoader.LoadDefault();

        Assert.Equal("consultative", process.DefaultModel.Id);
        Assert.Equal(
            ["Lead", "Qualified", "Quote", "Closed Won", "Closed Lost"],
            process.FindModel("transactional")!.Stages.Select(s => s.Name));
        Assert.Equal(
            ["Prospect", "Qualify", "Discovery", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
            process.FindModel("consultative")!.Stages.Select(s => s.Name));
        Assert.Equal(
            ["Prospect", "Qualify", "Discovery", "Solution Design", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
            process.FindModel("enterprise")!.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Every_open_stage_of_the_default_process_has_what_a_new_hire_needs()
    {
        var process = ProcessLoader.LoadDefault();

        foreach (var stage in process.Models.SelectMany(m => m.OpenStages))
        {
            Assert.False(string.IsNullOrWhiteSpace(stage.Definition));
            Assert.False(string.IsNullOrWhiteSpace(stage.Objective));
            Assert.NotEmpty(stage.ExitCriteria);
            Assert.NotEmpty(stage.Actions);
            Assert.NotEmpty(stage.Tools);
            Assert.NotEmpty(stage.FollowUps);
            Assert.NotNull(stage.AllowedTime);
            Assert.InRange(stage.WinProbability, 0m, 1m);
        }

        Assert.NotEmpty(process.CustomerTypes);
        Assert.NotEmpty(process.Glossary);
    }

    [Theory]
    [InlineData("consultative", "propose", "proposal")]
    [InlineData("consultative", "quote", "proposal")]
    [InlineData("consultative", "Negotiation", "negotiation")]
    [InlineData("consultative", "nego", "negotiation")]
    [InlineData("transactional", "quote", "quote")]
    [InlineData("enterprise", "solution design", "solution-design")]
    [InlineData("enterprise", "Solution-Design", "solution-design")]
    [InlineData("consultative", "won", "closed-won")]
    public void Stage_names_and_synonyms_match_loosely(string model, string typed, string expectedStage)
    {
        var stages = ProcessLoader.LoadDefault().FindModel(model)!.FindStages(typed);

        Assert.Equal(expectedStage, Assert.Single(stages).Id);
    }

    [Fact]
    public void An_unknown_stage_matches_nothing()
    {
        Assert.Empty(ProcessLoader.LoadDefault().DefaultModel.FindStages("banana"));
    }

    [Fact]
    public void A_missing_allowed_time_is_reported_with_the_file_and_the_path_to_it()
    {
        var error = LoadBroken(json => json["models"]![1]!["stages"]![2]!.AsObject().Remove("allowedTime"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("broken.json", problem.File);
        Assert.Equal("$.models[1].stages[2].allowedTime", problem.Path);
        Assert.Contains("ISO-8601", problem.Message, StringComparison.Ordinal);
        Assert.Contains("broken.json: $.models[1].stages[2].allowedTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = LoadBroken(json =>
        {
            json["defaultModel"] = "velocity";
            json["models"]![0]!["stages"]![0]!["allowedTime"] = "7 days";
            json["models"]![0]!["stages"]![1]!["winProbability"] = 1.5;
        });

        Assert.Contains(error.Errors, e => e.Path == "$.defaultModel" && e.Message.Contains("velocity", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "$.models[0].stages[0].allowedTime" && e.Message.Contains("'7 days'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "$.models[0].stages[1].winProbability");
    }

    [Fact]
    public void A_synonym_shared_by_two_stages_is_refused()
    {
        var error = LoadBroken(json => json["models"]![1]!["stages"]![0]!["synonyms"] = new JsonArray("propose"));

        Assert.Contains(error.Errors, e => e.Path == "$.models[1].stages" && e.Message.Contains("'propose'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_fiscal_year_start_that_is_not_a_month_is_refused_with_the_range(int month)
    {
        var error = LoadBroken(json => json["fiscalYearStartMonth"] = month);

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.fiscalYearStartMonth", problem.Path);
        Assert.Contains("from 1 (January) to 12 (December)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fiscal_year_starts_in_january_unless_the_file_says_otherwise()
    {
        var json = JsonNode.Parse(DefaultJson())!.AsObject();
        Assert.Equal(1, ProcessLoader.Parse(json.ToJsonString(), "default.json").FiscalYearStartMonth);

        json["fiscalYearStartMonth"] = 4;
        Assert.Equal(4, ProcessLoader.Parse(json.ToJsonString(), "april.json").FiscalYearStartMonth);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US$")]
    [InlineData("Dollars")]
    public void A_currency_that_is_not_an_iso_code_is_refused_saying_what_is_wanted(string currency)
    {
        var error = LoadBroken(json => json["currency"] = currency);

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.currency", problem.Path);
        Assert.Contains("three-letter ISO 4217 code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_company_currency_is_the_files_and_none_when_left_out()
    {
        var json = JsonNode.Parse(DefaultJson())!.AsObject();
        Assert.Equal("USD", ProcessLoader.Parse(json.ToJsonString(), "default.json").Currency);

        json.Remove("currency");
        Assert.Null(ProcessLoader.Parse(json.ToJsonString(), "none.json").Currency);
    }

    [Fact]
    public void A_misspelt_key_is_refused_rather_than_ignored()
    {
        var error = LoadBroken(json => json["models"]![0]!["stages"]![0]!["alowedTime"] = "P2D");

        var problem = Assert.Single(error.Errors);
        Assert.Contains("alowedTime", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var error = Assert.Throws<ProcessLoadException>(() => ProcessLoader.Parse("{\n  \"name\": \"x\",\n  \"models\": [ {,] }", "bad.json"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("bad.json", problem.File);
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_lost_stage_is_refused()
    {
        var error = LoadBroken(json => json["models"]![0]!["stages"]!.AsArray().RemoveAt(4));

        Assert.Contains(error.Errors, e => e.Path == "$.models[0].stages" && e.Message.Contains("'lost'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_reported_by_its_path()
    {
        var error = Assert.Throws<ProcessLoadException>(() => ProcessLoader.LoadFile("/nowhere/process.json"));

        Assert.Equal("/nowhere/process.json", Assert.Single(error.Errors).File);
    }

    [Fact]
    public void A_replacement_file_changes_the_process()
    {
        var json = JsonNode.Parse(DefaultJson())!.AsObject();
        json["defaultModel"] = "transactional";
        json["models"]![0]!["stages"]![0]!["allowedTime"] = "PT30S";
        var path = Path.Combine(Path.GetTempPath(), $"process-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        try
        {
            var process = ProcessLoader.LoadFile(path);

            Assert.Equal("transactional", process.DefaultModel.Id);
            Assert.Equal(TimeSpan.FromSeconds(30), process.DefaultModel.FirstStage.AllowedTime);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
