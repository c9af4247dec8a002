namespace SalesCoachBot.Conversation;

/// <summary>The data an Action.Execute or Action.Submit button carries back. Unknown fields are ignored; unknown verbs are refused.</summary>
public sealed record CardActionData
{
    public string? Verb { get; init; }

    public string? DealId { get; init; }

    /// <summary>The original message, for a choice that completes it ("which Contoso did you mean?").</summary>
    public string? Text { get; init; }

    /// <summary>A deal name, for "create it".</summary>
    public string? Name { get; init; }

    /// <summary>The name a deal had when a rename card was drawn: a button of it is refused once the deal is called otherwise.</summary>
    public string? FromName { get; init; }

    /// <summary>The name a rename asked for.</summary>
    public string? NewName { get; init; }

    /// <summary>Input of the rename card: another name, one that tells the deal apart from the open deal of the name asked for.</summary>
    public string? OtherName { get; init; }

    /// <summary>The rep a manager's button is about ("ping the rep").</summary>
    public string? RepUserId { get; init; }

    /// <summary>The stage a move goes to.</summary>
    public string? StageId { get; init; }

    /// <summary>The stage the deal was in when the card was drawn: a button of an older card is refused once the deal has moved on.</summary>
    public string? FromStageId { get; init; }

    /// <summary>The selling model a playbook card is about.</summary>
    public string? ModelId { get; init; }

    /// <summary>The stage shown by a guided-tour card (0-based).</summary>
    public int? Index { get; init; }

    /// <summary>Input of the coaching card: the next step's text.</summary>
    public string? NextStep { get; init; }

    /// <summary>Input of the coaching card: the next step's due date, as Input.Date sends it (yyyy-MM-dd).</summary>
    public string? Due { get; init; }

    /// <summary>Input of the "lost" form: why the deal was lost.</summary>
    public string? Reason { get; init; }

    /// <summary>Input of the snooze form: "1d", "3d", "1w", "step" (until the next step is due), or empty when a date is given.</summary>
    public string? SnoozeFor { get; init; }

    /// <summary>Input of the snooze form: snooze until this date (yyyy-MM-dd).</summary>
    public string? SnoozeUntil { get; init; }

    /// <summary>Toggle inputs (exit criteria, checklist items): the client merges every input of the card into the data.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Inputs { get; init; }

    /// <summary>The ids of toggles with the given prefix that are on ("true").</summary>
    public IReadOnlySet<string> TogglesOn(string prefix) =>
        (Inputs ?? [])
            .Where(i => i.Key.StartsWith(prefix, StringComparison.Ordinal)
                && i.Value.ValueKind == System.Text.Json.JsonValueKind.String
                && i.Value.GetString() == "true")
            .Select(i => i.Key[prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Identifies the click, not the button: derived from the activity that produced the card, so clicking the same
    /// button twice (or an old copy of the card) is recognised and not applied twice.
    /// (Not named "key": the Agents Playground drops a click whose data has a "key" property.)
    /// </summary>
    public string? ClickKey { get; init; }
}
