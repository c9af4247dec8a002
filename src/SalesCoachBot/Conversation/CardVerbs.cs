namespace SalesCoachBot.Conversation;

/// <summary>The verbs our cards send back. One place, so card builders and handlers cannot drift apart.</summary>
public static class CardVerbs
{
    public const string PickDeal = "pickDeal";
    public const string CreateDeal = "createDeal";
    public const string ShowDeal = "showDeal";
    public const string Say = "say";
    public const string Coach = "coach";
    public const string SaveNextStep = "saveNextStep";
    public const string MoveDeal = "moveDeal";
    public const string ConfirmMove = "confirmMove";
    public const string CloseWon = "closeWon";
    public const string CloseLost = "closeLost";
    public const string Tour = "tour";
    public const string Snooze = "snooze";

    /// <summary>On the card of a reminder the rep asked for: ask for it again on a later day (it went out once).</summary>
    public const string RemindAgain = "remindAgain";
    public const string PingRep = "pingRep";
    public const string ConfirmLater = "confirmLater";
    public const string DeleteDeal = "deleteDeal";
    public const string KeepDeal = "keepDeal";
    public const string CreateAnyway = "createAnyway";
    public const string UpdateExisting = "updateExisting";
    public const string RenameAnyway = "renameAnyway";
    public const string KeepName = "keepName";
    public const string RenameToOther = "renameToOther";

    /// <summary>Input ids on cards: toggles carry these prefixes so their values can be told apart in the merged data.</summary>
    public const string CriterionInputPrefix = "criterion-";
    public const string DoneInputPrefix = "done-";
    public const string LaterInputPrefix = "later-";

    /// <summary>
    /// The key of a click: the activity that produced the card, and the verb. The same button clicked twice
    /// (or on an old copy of the card) gives the same key, so its change is applied once.
    /// </summary>
    public static string? ClickKey(string? activityId, string verb) => activityId is null ? null : $"{activityId}/{verb}";

    /// <summary>The verbs the bot's own cards carry: anything else is a stranger (and never a telemetry tag).</summary>
    public static bool IsKnown(string? verb) =>
        verb is PickDeal or CreateDeal or ShowDeal or Say or Coach or SaveNextStep or MoveDeal or ConfirmMove
            or CloseWon or CloseLost or Tour or Snooze or RemindAgain or PingRep or ConfirmLater
            or DeleteDeal or KeepDeal or CreateAnyway or UpdateExisting or RenameAnyway or KeepName or RenameToOther;
}
