using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Conversation;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Playbook;

/// <summary>"How does our sales process work?": the selling models, and one model's stages in order as a flow.</summary>
public static class ProcessMapCard
{
    public static string Summary(SalesProcess process, SellingModel model)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(model);
        return $"{process.Name}: {process.Models.Count} selling models ({string.Join(", ", process.Models.Select(m => m.Name))}). "
            + $"{model.Name}: " + string.Join(" → ", model.OpenStages.Select(s => $"{s.Name} ({Replies.CoreText.Duration(s.AllowedTime!.Value)})"))
            + " → Closed Won / Closed Lost.";
    }

    /// <param name="picture">The flow as an image (a URL the bot serves, or a data URI), or null to show the flow as text only.</param>
    public static AdaptiveCard Build(SalesProcess process, SellingModel model, Uri? picture)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<CardElement>
        {
            Heading($"How we sell: the {model.Name} process"),
            Text(model.Description),
        };
        if (picture is not null)
        {
            body.Add(new Image
            {
                Url = picture,
                AltText = $"The {model.Name} stages as a flow: " + string.Join(", then ", model.Stages.Select(s => s.Name)),
                Size = ImageSize.Stretch,

                // The picture is wider than a chat column: a click opens it full size (where it is a real URL).
                SelectAction = picture.Scheme is "http" or "https" ? new OpenUrlAction { Url = picture, Title = "Open the process map" } : null,
            });
        }

        var open = model.OpenStages;
        for (var i = 0; i < open.Count; i++)
        {
            var stage = open[i];
            body.Add(new Container
            {
                Separator = i == 0 ? true : null,
                Spacing = Spacing.Small,
                Items =
                [
                    new TextBlock { Text = $"{i + 1}. {stage.Name} · up to {Replies.CoreText.Duration(stage.AllowedTime!.Value)} · {stage.WinProbability:P0} win", Weight = FontWeight.Bolder },
                    Text(stage.Objective, subtle: true),
                ],
            });
        }

        body.Add(Text("Then: " + string.Join(" or ", model.Stages.Where(s => s.IsClosed).Select(s => s.Name)) + ".", subtle: true));
        body.Add(CoachingCard.Section("Our selling models"));
        body.Add(new FactSet { Facts = process.Models.Select(m => new Fact(m.Name + (m.Id == process.DefaultModelId ? " (default)" : string.Empty), m.Description)).ToList() });

        var actions = new List<CardAction>
        {
            Execute("Walk me through it", new CardActionData { Verb = CardVerbs.Tour, ModelId = model.Id, Index = 0 }, ActionStyle.Positive),
        };
        actions.AddRange(process.Models.Where(m => m.Id != model.Id).Select(m => (CardAction)Say($"The {m.Name} process", $"what's the {m.Id} process")));
        return Card(body, actions);
    }
}
