using System.Text.RegularExpressions;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Playbook;

/// <summary>
/// Answers a new hire's questions from the process file in force: the process map, a stage, the tools, a term, the tour.
/// </summary>
public sealed partial class PlaybookCommandHandler(ProcessMapPictures pictures, IDealStore deals)
{
    public Task<BotReply> ExplainProcessAsync(ExplainProcess command, CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ExplainProcess(command, context));

    private BotReply ExplainProcess(ExplainProcess command, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (FindModel(command.ModelPhrase, context, out var unknown) is not { } model)
        {
            return unknown!;
        }

        return BotReply.Card(ProcessMapCard.Summary(context.Process, model), ProcessMapCard.Build(context.Process, model, pictures.For(model)));
    }

    public async Task<BotReply> ExplainStageAsync(ExplainStage command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var repModel = await RepModelAsync(context, cancellationToken).ConfigureAwait(false);
        if (FindStage(command.StagePhrase, repModel, context.Process) is not var (model, stage))
        {
            return BotReply.Plain(
                $"I don't know a stage called \"{command.StagePhrase}\". The {repModel.Name} stages are: {string.Join(", ", repModel.Stages.Select(s => s.Name))}.");
        }

        var note = model.Id == repModel.Id ? null : $"{stage.Name} is a stage of the {model.Name} process.";
        return BotReply.Card(StageGuideCard.Summary(model, stage, command.Topic), StageGuideCard.Build(model, stage, command.Topic, note));
    }

    /// <summary>"what's the difference between qualify and discovery?": both stages' guides, one after the other.</summary>
    public async Task<BotReply> CompareStagesAsync(CompareStages command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var repModel = await RepModelAsync(context, cancellationToken).ConfigureAwait(false);
        var found = new[] { command.StagePhrase, command.OtherStagePhrase }.Select(phrase => (phrase, Found: FindStage(phrase, repModel, context.Process))).ToList();
        if (found.FirstOrDefault(f => f.Found is null) is { phrase: { } unknown })
        {
            return BotReply.Plain($"I don't know a stage called \"{unknown}\". The {repModel.Name} stages are: {string.Join(", ", repModel.Stages.Select(s => s.Name))}.");
        }

        var stages = found.Select(f => f.Found!.Value).ToList();
        var (first, second) = (stages[0], stages[1]);
        var order = first.Model.Id == second.Model.Id
            ? $"{first.Stage.Name} is stage {first.Model.IndexOf(first.Stage) + 1} and {second.Stage.Name} stage {second.Model.IndexOf(second.Stage) + 1} of the {first.Model.Name} process."
            : $"{first.Stage.Name} is a stage of the {first.Model.Name} process, {second.Stage.Name} of the {second.Model.Name} process.";
        var text = $"{order} {StageGuideCard.Summary(first.Model, first.Stage, StageTopic.Overview)} {StageGuideCard.Summary(second.Model, second.Stage, StageTopic.Overview)}";
        return new BotReply(text, [StageGuideCard.Build(first.Model, first.Stage, StageTopic.Overview, order), StageGuideCard.Build(second.Model, second.Stage, StageTopic.Overview, null)]);
    }

    public async Task<BotReply> ExplainToolsAsync(ExplainTools command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var model = await RepModelAsync(context, cancellationToken).ConfigureAwait(false);
        var kindFilter = ToolKindOf(command.KindWord);
        List<(Stage Stage, StageTool Tool)> tools;
        string title;
        if (FindStage(command.Target, model, context.Process) is var (stageModel, stage))
        {
            tools = stage.Tools.Where(t => kindFilter is null || t.Kind == kindFilter).Select(t => (stage, t)).ToList();
            title = $"{(command.KindWord is null ? "Tools" : Capitalize(command.KindWord))} for {stage.Name} ({stageModel.Name})";
        }
        else if (ToolKindOf(command.Target) is { } targetKind)
        {
            // "collateral for a demo": the collateral of the stages where a demo is used, and the demo tools themselves.
            var stagesUsingIt = model.Stages.Where(s => s.Tools.Any(t => t.Kind == targetKind)).ToList();
            tools = stagesUsingIt
                .SelectMany(s => s.Tools.Where(t => t.Kind == targetKind || (kindFilter is not null && t.Kind == kindFilter)).Select(t => (s, t)))
                .ToList();
            title = $"{(command.KindWord is null ? "Tools" : Capitalize(command.KindWord))} for a {command.Target} ({model.Name})";
        }
        else
        {
            return BotReply.Plain(
                $"I don't know \"{command.Target}\" as a stage or a kind of tool. Try a stage ({string.Join(", ", model.OpenStages.Select(s => s.Name))}) "
                + "or a kind of tool (collateral, lead generation, telesales, direct mail, presentation, demo).");
        }

        return tools.Count == 0
            ? BotReply.Plain($"The process lists no {command.KindWord ?? "tools"} for {command.Target}.")
            : BotReply.Card(ToolsCard.Summary(title, tools), ToolsCard.Build(title, tools));
    }

    public async Task<BotReply> DefineAsync(Define command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var process = context.Process;
        var key = Key(command.Term);
        if (process.Glossary.FirstOrDefault(g => Key(g.Term) == key || g.Synonyms.Any(s => Key(s) == key)) is { } term)
        {
            return Definition(term.Term, "From our glossary", term.Definition, term.Synonyms.Select(s => $"Also called: {s}").ToList());
        }

        // Words of the process itself: what exit criteria are, which customer types there are.
        if (key is "exit criteria" or "exit criterion")
        {
            var repsModel = await RepModelAsync(context, cancellationToken).ConfigureAwait(false);
            return Definition(
                "Exit criteria",
                $"Part of every stage of the {repsModel.Name} process",
                "What must be true before a deal leaves a stage. Each stage lists its own; a stage that blocks on them lets a deal move on only when every one is confirmed.",
                repsModel.OpenStages.Select(s => $"{s.Name}: {s.ExitCriteria.Count} (say \"exit criteria for {s.Name.ToLowerInvariant()}\")").ToList());
        }

        if (key is "customer types" or "customer type")
        {
            return Definition(
                "Customer types",
                "Who we sell to",
                string.Join(", ", process.CustomerTypes.Select(c => c.Name)) + ".",
                process.CustomerTypes.Select(c => $"{c.Name}: {c.Definition}").ToList());
        }

        // "small business", "a small business customer", "smb": the type whose name the words start with.
        if ((process.CustomerTypes.FirstOrDefault(c => Key(c.Name) == key || c.Id == key.Replace(' ', '-'))
            ?? process.FindCustomerType(CustomerNounPattern().Replace(key, string.Empty))) is { } type)
        {
            var models = type.ModelIds.Select(id => process.FindModel(id)?.Name ?? id);
            return Definition(type.Name, $"Customer type · usually sold with: {string.Join(", ", models)}", type.Definition, type.Signals.Select(s => $"Signal: {s}").ToList());
        }

        var repModel = await RepModelAsync(context, cancellationToken).ConfigureAwait(false);
        if (FindStage(command.Term, repModel, process) is var (model, stage))
        {
            return Definition(stage.Name, $"Stage of the {model.Name} process", stage.Definition, [$"Objective: {stage.Objective}"]);
        }

        if (process.FindModel(command.Term) is { } sellingModel)
        {
            return Definition(sellingModel.Name, "Selling model", sellingModel.Description, [string.Join(" → ", sellingModel.Stages.Select(s => s.Name))]);
        }

        return BotReply.Plain(
            $"I don't have a definition for \"{command.Term}\". I can explain: {string.Join(", ", process.Glossary.Select(g => g.Term))}, "
            + $"the customer types ({string.Join(", ", process.CustomerTypes.Select(c => c.Name))}) and any stage.");
    }

    public Task<BotReply> StartTourAsync(StartTour command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Task.FromResult(FindModel(command.ModelPhrase, context, out var unknown) is { } model ? TourStep(model.Id, 0, context) : unknown!);
    }

    /// <summary>The tour card's Next and Back: the stage it names replaces the card.</summary>
    public Task<BotReply> TourClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Task.FromResult(TourStep(action.ModelId, action.Index ?? 0, context) with { ReplacesCard = true });
    }

    private static BotReply TourStep(string? modelId, int index, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Process.ModelOrDefault(modelId);
        var step = Math.Clamp(index, 0, model.Stages.Count - 1);
        return BotReply.Card(TourCard.Summary(model, step), TourCard.Build(model, step));
    }

    /// <summary>The model a rep works in: the one most of their open deals follow, else the process default.</summary>
    private async Task<SellingModel> RepModelAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var open = await deals.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var mostUsed = open.GroupBy(d => d.ModelId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return context.Process.ModelOrDefault(mostUsed);
    }

    private static SellingModel? FindModel(string? phrase, CommandContext context, out BotReply? unknown)
    {
        unknown = null;
        if (phrase is null)
        {
            return context.Process.DefaultModel;
        }

        var model = context.Process.FindModel(phrase);
        if (model is null)
        {
            unknown = BotReply.Plain($"I don't know a \"{phrase}\" selling model. Ours are: {string.Join(", ", context.Process.Models.Select(m => m.Name))}.");
        }

        return model;
    }

    /// <summary>A stage of the rep's model first; else the first other model that has it.</summary>
    private static (SellingModel Model, Stage Stage)? FindStage(string phrase, SellingModel preferred, SalesProcess process)
    {
        foreach (var model in new[] { preferred }.Concat(process.Models.Where(m => m.Id != preferred.Id)))
        {
            if (model.FindStages(phrase) is [var stage])
            {
                return (model, stage);
            }
        }

        return null;
    }

    private static ToolKind? ToolKindOf(string? word) => Key(word ?? string.Empty) switch
    {
        "collateral" or "materials" or "material" or "content" => ToolKind.Collateral,
        "demo" or "demos" or "demonstration" => ToolKind.Demo,
        "presentation" or "presentations" or "deck" => ToolKind.Presentation,
        "direct mail" or "mail" or "mailing" => ToolKind.DirectMail,
        "telesales" or "calls" or "cold call" or "cold calling" => ToolKind.Telesales,
        "lead generation" or "leadgen" or "lead gen" => ToolKind.LeadGeneration,
        _ => null,
    };

    private static BotReply Definition(string term, string kind, string definition, IReadOnlyList<string> details) =>
        BotReply.Card($"{term}: {definition}", DefinitionCard.Build(term, kind, definition, details));

    private static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\s+(?:customers?|clients?|accounts?)$")]
    private static partial Regex CustomerNounPattern();

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
