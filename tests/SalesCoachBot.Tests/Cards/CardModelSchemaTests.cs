using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Cards;

public class CardModelSchemaTests
{
    private static readonly string[] AllTypes =
    [
        "AdaptiveCard", "TextBlock", "RichTextBlock", "TextRun", "FactSet", "Container", "ColumnSet", "Column",
        "Image", "ActionSet", "Table", "TableRow", "TableCell", "Input.Text", "Input.Date", "Input.ChoiceSet",
        "Input.Toggle", "Action.Execute", "Action.Submit", "Action.ShowCard", "Action.OpenUrl",
        "Action.ToggleVisibility",
    ];

    [SchemaFact]
    public void A_card_using_every_element_and_action_is_valid_against_the_schema()
    {
        var json = CardJson.Serialize(EveryTypeCard());

        Assert.Empty(AdaptiveCardSchema.Validate(json));
    }

    [Fact]
    public async Task A_card_using_every_element_and_action_parses_in_the_renderer_without_any_event()
    {
        var json = CardJson.Serialize(EveryTypeCard());

        Assert.Empty(await AdaptiveCardRenderer.Shared.ProblemsAsync(json));
    }

    [Fact]
    public void The_every_type_card_really_contains_every_element_and_action_type()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        CollectTypes(CardJson.ToJsonObject(EveryTypeCard()), types);

        Assert.Empty(AllTypes.Except(types));
    }

    [Fact]
    public void Serialized_card_has_type_schema_and_string_version_first()
    {
        var json = CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock { Text = "Hi" }] });

        Assert.StartsWith(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5",""",
            json,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Serialized_card_has_no_null_properties()
    {
        var card = CardJson.ToJsonObject(EveryTypeCard());

        Assert.Empty(NullPaths(card, "$"));
        Assert.DoesNotContain("null", CardJson.Serialize(new AdaptiveCard()), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialized_card_is_compact_and_keeps_apostrophes_and_accents_readable()
    {
        var json = CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock { Text = "Don't forget Müller" }] });

        Assert.DoesNotContain('\n', json);
        Assert.Contains("Don't forget Müller", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_and_action_properties_are_written_in_camel_case_with_schema_enum_spellings()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock
                {
                    Text = "Pipeline",
                    Size = FontSize.ExtraLarge,
                    Weight = FontWeight.Bolder,
                    IsSubtle = true,
                    Spacing = Spacing.ExtraLarge,
                    HorizontalAlignment = HorizontalAlignment.Center,
                    Style = TextBlockStyle.Heading,
                },
            ],
            Actions = [new ExecuteAction { Title = "Go", Verb = "go", AssociatedInputs = AssociatedInputs.None }],
        };

        var json = CardJson.Serialize(card);

        Assert.Contains(
            """{"type":"TextBlock","text":"Pipeline","size":"extraLarge","weight":"bolder","isSubtle":true,"wrap":true,"style":"heading","horizontalAlignment":"center","spacing":"extraLarge"}""",
            json,
            StringComparison.Ordinal);
        Assert.Contains("""{"type":"Action.Execute","title":"Go","verb":"go","associatedInputs":"none"}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TextBlock_wraps_unless_told_otherwise()
    {
        var unwrapped = CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock { Text = "x", Wrap = false }] });

        Assert.True(new TextBlock { Text = "x" }.Wrap);
        Assert.Contains("\"wrap\":false", unwrapped, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_widths_are_written_as_keywords_pixels_or_bare_weights()
    {
        var columns = CardJson.ToJsonObject(new AdaptiveCard
        {
            Body =
            [
                new ColumnSet
                {
                    Columns =
                    [
                        new Column { Width = ColumnWidth.Auto, Items = [] },
                        new Column { Width = ColumnWidth.Stretch, Items = [] },
                        new Column { Width = ColumnWidth.Pixels(60), Items = [] },
                        new Column { Width = ColumnWidth.Weighted(2), Items = [] },
                    ],
                },
            ],
        })["body"]![0]!["columns"]!.AsArray();

        Assert.Equal("""["auto","stretch","60px",2]""", new JsonArray(columns.Select(c => c!["width"]!.DeepClone()).ToArray()).ToJsonString());
        Assert.All(columns, c => Assert.Equal("Column", (string?)c!["type"]));
    }

    [Fact]
    public void Date_inputs_write_iso_dates()
    {
        var date = CardJson.ToJsonObject(new AdaptiveCard
        {
            Body = [new DateInput("close") { Value = new DateOnly(2025, 3, 7), Min = new DateOnly(2025, 1, 1), Max = new DateOnly(2025, 12, 31) }],
        })["body"]![0]!;

        Assert.Equal("""{"type":"Input.Date","id":"close","value":"2025-03-07","min":"2025-01-01","max":"2025-12-31"}""", date.ToJsonString());
    }

    [Fact]
    public void Action_data_can_be_a_record_or_a_json_object_and_keeps_an_msteams_property()
    {
        var card = new AdaptiveCard
        {
            Actions =
            [
                new SubmitAction { Title = "Log", Data = new LogCallData("log-call", "D-42", new TeamsSubmitData("messageBack", "Log call")) },
                new ExecuteAction { Title = "Refresh", Verb = "refresh", Data = new JsonObject { ["dealId"] = "D-42" } },
            ],
        };

        var json = CardJson.ToJsonObject(card);

        Assert.Equal(
            """{"action":"log-call","dealId":"D-42","msteams":{"type":"messageBack","displayText":"Log call"}}""",
            json["actions"]![0]!["data"]!.ToJsonString());
        Assert.Equal("""{"dealId":"D-42"}""", json["actions"]![1]!["data"]!.ToJsonString());
        CardChecks.AssertShowsInTeams(json.ToJsonString());
    }

    [Fact]
    public void Refresh_action_writes_its_type_because_Teams_needs_it()
    {
        var card = new AdaptiveCard
        {
            Refresh = new Refresh { Action = new ExecuteAction { Verb = "refreshDeal" }, UserIds = ["29:abc"] },
        };

        var json = CardJson.Serialize(card);

        Assert.Contains("""
            "refresh":{"action":{"type":"Action.Execute","verb":"refreshDeal"},"userIds":["29:abc"]}
            """, json, StringComparison.Ordinal);
        CardChecks.AssertShowsInTeams(json);
    }

    [Fact]
    public void Msteams_full_width_is_written_and_accepted_at_the_card_root()
    {
        var json = CardJson.Serialize(new AdaptiveCard { MsTeams = TeamsCardSettings.FullWidth });

        Assert.Contains("""
            "msteams":{"width":"Full"}
            """, json, StringComparison.Ordinal);
        CardChecks.AssertShowsInTeams(json);
    }

    [SchemaFact]
    public void Every_model_enum_value_is_spelled_as_in_the_schema_enum_list()
    {
        // The schema also accepts its enums through case-insensitive, loosely anchored patterns, so
        // schema validation alone would not notice "ExtraLarge" or "extralarge"; check the lists.
        var definitions = SchemaDefinitions();
        (Type Enum, string Definition)[] pairs =
        [
            (typeof(Spacing), "Spacing"), (typeof(HorizontalAlignment), "HorizontalAlignment"),
            (typeof(VerticalAlignment), "VerticalAlignment"), (typeof(FontSize), "FontSize"),
            (typeof(FontWeight), "FontWeight"), (typeof(FontType), "FontType"), (typeof(TextColor), "Colors"),
            (typeof(TextBlockStyle), "TextBlockStyle"), (typeof(ContainerStyle), "ContainerStyle"),
            (typeof(ImageSize), "ImageSize"), (typeof(ImageStyle), "ImageStyle"), (typeof(ActionStyle), "ActionStyle"),
            (typeof(ChoiceInputStyle), "ChoiceInputStyle"), (typeof(TextInputStyle), "TextInputStyle"),
        ];

        foreach (var (enumType, definition) in pairs)
        {
            var allowed = definitions[definition]!["anyOf"]![0]!["enum"]!.AsArray()
                .Select(v => (string)v!)
                .ToHashSet(StringComparer.Ordinal);
            var written = Enum.GetValues(enumType).Cast<object>()
                .Select(v => JsonSerializer.Serialize(v, enumType, CardJson.Options).Trim('"'))
                .ToList();

            Assert.True(
                allowed.SetEquals(written),
                $"{enumType.Name} writes [{string.Join(", ", written)}], schema {definition} lists [{string.Join(", ", allowed)}]");
        }
    }

    [SchemaFact]
    public void AssociatedInputs_is_written_in_lower_case_which_the_schema_accepts_although_it_lists_Auto_and_None()
    {
        var listed = SchemaDefinitions()["AssociatedInputs"]!["anyOf"]![0]!["enum"]!.ToJsonString();
        var card = new AdaptiveCard
        {
            Actions =
            [
                new SubmitAction { Title = "Save", AssociatedInputs = AssociatedInputs.Auto },
                new SubmitAction { Title = "Cancel", AssociatedInputs = AssociatedInputs.None },
            ],
        };

        var json = CardJson.Serialize(card);

        Assert.Equal("""["Auto","None"]""", listed);
        Assert.Contains("\"associatedInputs\":\"auto\"", json, StringComparison.Ordinal);
        Assert.Contains("\"associatedInputs\":\"none\"", json, StringComparison.Ordinal);
        Assert.Empty(AdaptiveCardSchema.Validate(json));
    }

    [Fact]
    public void Input_ids_are_required_by_the_model()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TextInput(" "));
    }

    [SchemaTheory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Foo","text":"x"}]}""", "/body/0: type \"Foo\" is not one of the types allowed here")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"text":"x"}]}""", "/body/0: has no \"type\"")]
    [InlineData("""{"type":"AdaptiveCard","version":1.5,"body":[]}""", "/version: Value is \"number\" but should be \"string\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""", "/body/0: Required properties [\"text\"]")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"Notes"}]}""", "/body/0: Required properties [\"id\"]")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""", "/body/0/colour: property not allowed here")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""", "/body/0/size: ")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","horizontalAlignment":"center","items":[]}]}""", "/body/0/horizontalAlignment: property not allowed here")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","msteams":{"width":"Full"}}]}""", "/body/0/msteams: property not allowed here")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.OpenUrl","title":"CRM"}]}""", "/actions/0: Required properties [\"url\"]")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock"}]}}]}""", "/actions/0/card/body/0: Required properties [\"text\"]")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Submit"}}}""", "/refresh/action/type: ")]
    [InlineData("""{"type":"AdaptiveCard","$schema":"not a uri","version":"1.5"}""", "/$schema: Value does not match format \"uri\"")]
    [InlineData("""{"type":"Card","version":"1.5"}""", "/: type \"Card\" is not one of the types allowed here")]
    [InlineData("""{"type":"AdaptiveCard",""", "/: not JSON")]
    public void The_validator_catches_real_mistakes_and_points_at_them(string cardJson, string expectedError)
    {
        var errors = AdaptiveCardSchema.Validate(cardJson);

        Assert.NotEmpty(errors);
        Assert.True(
            errors.Any(e => e.StartsWith(expectedError, StringComparison.Ordinal)),
            $"Expected an error starting with '{expectedError}', got:\n{string.Join("\n", errors)}");
    }

    [SchemaFact]
    public void A_ShowCard_select_action_which_the_model_allows_is_caught_by_the_schema()
    {
        var card = new AdaptiveCard
        {
            Body = [new Container { Items = [], SelectAction = new ShowCardAction { Card = new AdaptiveCard() } }],
        };

        var errors = AdaptiveCardSchema.Validate(CardJson.Serialize(card));

        var error = Assert.Single(errors);
        Assert.StartsWith("/body/0/selectAction: type \"Action.ShowCard\" is not one of the types allowed here", error, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_schema_lets_enum_lookalikes_through_which_is_why_enum_spellings_are_checked_against_its_lists()
    {
        // Its case-insensitive enum patterns are written ^(a)|(b)|(c)$, so the middle alternatives
        // match anywhere in the string: "superlarge" contains "large".
        const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"superlarge","weight":"BOLDER"}]}""";

        Assert.Empty(AdaptiveCardSchema.Validate(Card));
    }

    // A deal review card using every element, input and action type of the model.
    private static AdaptiveCard EveryTypeCard()
    {
        var logo = new Uri("https://example.com/logo.png");
        return new AdaptiveCard
        {
            FallbackText = "Deal review for Contoso",
            Speak = "Deal review for Contoso",
            MsTeams = TeamsCardSettings.FullWidth,
            Refresh = new Refresh
            {
                Action = new ExecuteAction { Verb = "refreshDeal", Data = new JsonObject { ["dealId"] = "D-42" } },
                UserIds = ["29:1a2b3c"],
            },
            Body =
            [
                new TextBlock
                {
                    Id = "title",
                    Text = "Deal review",
                    Style = TextBlockStyle.Heading,
                    Size = FontSize.Large,
                    Weight = FontWeight.Bolder,
                    Color = TextColor.Accent,
                    FontType = FontType.Default,
                    MaxLines = 2,
                    HorizontalAlignment = HorizontalAlignment.Left,
                },
                new RichTextBlock
                {
                    Spacing = Spacing.Medium,
                    HorizontalAlignment = HorizontalAlignment.Center,
                    Inlines =
                    [
                        new TextRun { Text = "Next step: ", Weight = FontWeight.Bolder },
                        new TextRun
                        {
                            Text = "send the proposal",
                            Size = FontSize.Medium,
                            Color = TextColor.Good,
                            IsSubtle = false,
                            Italic = true,
                            Strikethrough = false,
                            Highlight = true,
                            Underline = true,
                        },
                    ],
                },
                new FactSet { Separator = true, Facts = [new Fact("Customer", "Contoso"), new Fact("Amount", "€120,000")] },
                new ColumnSet
                {
                    Style = ContainerStyle.Emphasis,
                    Bleed = true,
                    HorizontalAlignment = HorizontalAlignment.Right,
                    SelectAction = new OpenUrlAction { Url = new Uri("https://example.com/deals/D-42") },
                    Columns =
                    [
                        new Column
                        {
                            Width = ColumnWidth.Auto,
                            Items = [new Image { Url = logo, AltText = "Contoso logo", Size = ImageSize.Small, Style = ImageStyle.Person }],
                        },
                        new Column
                        {
                            Width = ColumnWidth.Stretch,
                            VerticalContentAlignment = VerticalAlignment.Center,
                            Items = [new TextBlock { Text = "Contoso", IsSubtle = true }],
                        },
                        new Column
                        {
                            Id = "probability",
                            Width = ColumnWidth.Pixels(60),
                            Spacing = Spacing.Small,
                            Separator = true,
                            Items = [new TextBlock { Text = "60%" }],
                        },
                        new Column
                        {
                            Width = ColumnWidth.Weighted(2),
                            Style = ContainerStyle.Good,
                            Bleed = false,
                            IsVisible = true,
                            SelectAction = new ToggleVisibilityAction { TargetElements = ["details"] },
                            Items = [],
                        },
                    ],
                },
                new Container
                {
                    Id = "details",
                    IsVisible = false,
                    Style = ContainerStyle.Warning,
                    Bleed = true,
                    VerticalContentAlignment = VerticalAlignment.Top,
                    SelectAction = new SubmitAction { Data = new JsonObject { ["open"] = "details" } },
                    Items =
                    [
                        new Image
                        {
                            Url = logo,
                            AltText = "Contoso logo",
                            Width = "48px",
                            Height = "48px",
                            HorizontalAlignment = HorizontalAlignment.Center,
                            SelectAction = new ExecuteAction { Verb = "openAccount" },
                        },
                        StageTable(),
                    ],
                },
                new TextInput("notes")
                {
                    Label = "Call notes",
                    Placeholder = "What did the customer say?",
                    Value = "",
                    IsMultiline = true,
                    MaxLength = 2000,
                    Regex = "^.+$",
                    Style = TextInputStyle.Text,
                    IsRequired = true,
                    ErrorMessage = "Add a note",
                },
                new DateInput("nextStep")
                {
                    Label = "Next step on",
                    Placeholder = "Date",
                    Value = new DateOnly(2025, 3, 7),
                    Min = new DateOnly(2025, 1, 1),
                    Max = new DateOnly(2025, 12, 31),
                    IsRequired = true,
                    ErrorMessage = "Pick a date",
                },
                new ChoiceSetInput("stage")
                {
                    Label = "Stage",
                    Placeholder = "Stage",
                    Style = ChoiceInputStyle.Compact,
                    IsMultiSelect = false,
                    Value = "proposal",
                    Wrap = true,
                    Choices = [new Choice("Qualify", "qualify"), new Choice("Proposal", "proposal")],
                },
                new ChoiceSetInput("risks")
                {
                    Label = "Risks",
                    Style = ChoiceInputStyle.Expanded,
                    IsMultiSelect = true,
                    Value = "budget,timing",
                    Choices = [new Choice("Budget", "budget"), new Choice("Timing", "timing")],
                },
                new ToggleInput("followUp") { Title = "Remind me to follow up", Value = "true", ValueOn = "true", ValueOff = "false", Wrap = true },
                new ActionSet
                {
                    Actions =
                    [
                        new ToggleVisibilityAction { Title = "Details", TargetElements = ["details", "probability"] },
                        new OpenUrlAction
                        {
                            Title = "Open in CRM",
                            Url = new Uri("https://example.com/crm/D-42"),
                            IconUrl = logo,
                            Tooltip = "Opens the CRM",
                        },
                    ],
                },
            ],
            Actions =
            [
                new ExecuteAction
                {
                    Id = "save",
                    Title = "Save",
                    Verb = "saveDeal",
                    Data = new JsonObject { ["dealId"] = "D-42" },
                    AssociatedInputs = AssociatedInputs.Auto,
                    Style = ActionStyle.Positive,
                    Tooltip = "Save the review",
                    IsEnabled = true,
                    IconUrl = logo,
                },
                new SubmitAction
                {
                    Title = "Discard",
                    Data = new LogCallData("discard", "D-42", new TeamsSubmitData("messageBack", "Discard")),
                    AssociatedInputs = AssociatedInputs.None,
                    Style = ActionStyle.Destructive,
                },
                new ShowCardAction
                {
                    Title = "Ask the coach",
                    Style = ActionStyle.Default,
                    Card = new AdaptiveCard
                    {
                        Body = [new TextInput("question") { Label = "Your question" }],
                        Actions = [new ExecuteAction { Title = "Ask", Verb = "askCoach" }],
                    },
                },
            ],
        };
    }

    private static Table StageTable() => new()
    {
        FirstRowAsHeader = true,
        ShowGridLines = false,
        GridStyle = ContainerStyle.Accent,
        HorizontalCellContentAlignment = HorizontalAlignment.Left,
        VerticalCellContentAlignment = VerticalAlignment.Bottom,
        Columns =
        [
            new TableColumnDefinition { Width = ColumnWidth.Weighted(2) },
            new TableColumnDefinition
            {
                Width = ColumnWidth.Pixels(80),
                HorizontalCellContentAlignment = HorizontalAlignment.Right,
                VerticalCellContentAlignment = VerticalAlignment.Center,
            },
        ],
        Rows =
        [
            new TableRow
            {
                Style = ContainerStyle.Emphasis,
                Cells = [new TableCell { Items = [new TextBlock { Text = "Stage" }] }, new TableCell { Items = [new TextBlock { Text = "Days" }] }],
            },
            new TableRow
            {
                HorizontalCellContentAlignment = HorizontalAlignment.Center,
                VerticalCellContentAlignment = VerticalAlignment.Top,
                Cells =
                [
                    new TableCell
                    {
                        Style = ContainerStyle.Attention,
                        Bleed = true,
                        VerticalContentAlignment = VerticalAlignment.Center,
                        SelectAction = new OpenUrlAction { Url = new Uri("https://example.com/stages/proposal") },
                        Items = [new TextBlock { Text = "Proposal" }],
                    },
                    new TableCell { Items = [new TextBlock { Text = "12" }] },
                ],
            },
        ],
    };

    private static void CollectTypes(JsonNode? node, HashSet<string> types)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var name))
                {
                    types.Add(name);
                }

                foreach (var (_, child) in obj)
                {
                    CollectTypes(child, types);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectTypes(child, types);
                }

                break;
        }
    }

    private static IEnumerable<string> NullPaths(JsonNode? node, string path) => node switch
    {
        null => [path],
        JsonObject obj => obj.SelectMany(p => NullPaths(p.Value, $"{path}.{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => NullPaths(item, $"{path}[{i}]")),
        _ => [],
    };

    private static JsonObject SchemaDefinitions() => AdaptiveCardSchema.Definitions();

    private sealed record LogCallData(string Action, string DealId, TeamsSubmitData Msteams);

    private sealed record TeamsSubmitData(string Type, string DisplayText);
}
