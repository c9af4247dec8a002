using SalesCoachBot.Cards.Model;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>A titled list below the team table, a line per rep: what does not fit a table cell.</summary>
public sealed record TeamSection(string Heading, IReadOnlyList<(string Name, string Value)> Lines);

/// <summary>One rep's row of a team comparison: whatever the question compares, already in words.</summary>
public sealed record TeamRow(string Rep, IReadOnlyList<string> Cells);

/// <summary>"team pipeline", "team stats", "team forecast": the team's totals and a per-rep comparison table.</summary>
public static class TeamCard
{
    public static string Summary(string title, string subtitle, IReadOnlyList<string> headers, IReadOnlyList<TeamRow> rows, IReadOnlyList<(string Name, string Value)> totals, TeamSection? section = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(headers);
        var extra = section is null ? string.Empty : $"\n{section.Heading}:\n" + string.Join("\n", section.Lines.Select(l => $"- {l.Name}: {l.Value}"));
        return $"{title}, {subtitle}: " + string.Join(", ", totals.Select(t => $"{t.Name} {t.Value}")) + ".\n"
            + string.Join("\n", rows.Select(r => $"- {r.Rep}: " + string.Join(", ", headers.Skip(1).Zip(r.Cells, (h, c) => $"{h} {c}")))) + extra;
    }

    /// <param name="title">The card's heading.</param>
    /// <param name="subtitle">The period and the team's size.</param>
    /// <param name="headers">The table's column names, the first for the rep.</param>
    /// <param name="rows">A row per rep.</param>
    /// <param name="totals">The team's figures, above the table.</param>
    /// <param name="chart">The picture's signed link, if any.</param>
    /// <param name="section">Lines per rep too long for a table cell (targets against expected), below the table.</param>
    public static AdaptiveCard Build(string title, string subtitle, IReadOnlyList<string> headers, IReadOnlyList<TeamRow> rows, IReadOnlyList<(string Name, string Value)> totals, Uri? chart = null, TeamSection? section = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(totals);
        var body = new List<CardElement> { Heading(Escape(title)), Text(subtitle, subtle: true) };
        body.AddRange(ChartSlot.For(chart, $"{title}, {subtitle}"));
        body.Add(new FactSet { Facts = totals.Select(t => new Fact(t.Name, t.Value)).ToList() });
        if (rows.Count == 0)
        {
            body.Add(Text("Nobody on your team yet. Reps join it by saying \"my manager is\" and your name, or through the managers file."));
            return Card(body);
        }

        body.Add(new Table
        {
            FirstRowAsHeader = true,
            ShowGridLines = true,
            Columns = headers.Select((_, i) => new TableColumnDefinition { Width = i == 0 ? ColumnWidth.Weighted(2) : ColumnWidth.Weighted(1) }).ToList(),
            Rows =
            [
                // Headers small: at Teams' width seven columns leave about 65 px each, and "Weighted" in bold broke in two.
                new TableRow { Cells = headers.Select(h => new TableCell { Items = [new TextBlock { Text = h, Weight = FontWeight.Bolder, Size = FontSize.Small }] }).ToList() },
                .. rows.Select(r => new TableRow
                {
                    Cells = [new TableCell { Items = [new TextBlock { Text = Escape(r.Rep) }] }, .. r.Cells.Select(c => new TableCell { Items = [new TextBlock { Text = c }] })],
                }),
            ],
        });
        if (section is not null)
        {
            body.Add(Replies.CoachingCard.Section(section.Heading));
            body.Add(new FactSet { Facts = section.Lines.Select(l => new Fact(Escape(l.Name), l.Value)).ToList() });
        }

        return Card(body);
    }

    /// <summary>A rep's name as the card shows it.</summary>
    public static string RepName(Core.Users.UserProfile rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return rep.Name ?? rep.Email ?? rep.UserId;
    }
}
