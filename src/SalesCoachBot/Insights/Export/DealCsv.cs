using System.Globalization;
using CsvHelper;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Insights.Export;

/// <summary>One deal of an export and whose it is.</summary>
public sealed record ExportRow(string RepName, Deal Deal);

/// <summary>
/// Deals as CSV (RFC 4180, UTF-8, invariant culture, ISO dates, one header row). Text that a spreadsheet would run as a
/// formula (a cell starting with = + - @, a tab or a carriage return) is escaped with a leading apostrophe: deal names,
/// next steps and reasons are typed by reps, and an export must not become a way to run a formula on a manager's machine.
/// </summary>
public static class DealCsv
{
    public static readonly string[] Header =
    [
        "Rep", "Deal", "Selling model", "Customer type", "Stage", "Status", "Amount", "Currency", "Expected close", "Next step", "Next step due",
        "Created", "Stage entered", "Closed", "Lost reason", "Activities", "Last activity",
    ];

    /// <summary>Writes UTF-8 with a byte order mark, so Excel reads accented names right.</summary>
    public static void Write(Stream destination, IEnumerable<ExportRow> rows, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(process);
        var options = CsvWriterOptions.Default with
        {
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var (rep, deal) in rows)
        {
            var model = process.ModelOrDefault(deal.ModelId);
            csv.WriteField(rep);
            csv.WriteField(deal.Name);
            csv.WriteField(model.Name);
            csv.WriteField(deal.CustomerTypeId is { } type ? process.CustomerTypes.FirstOrDefault(c => c.Id == type)?.Name ?? type : string.Empty);
            csv.WriteField(model.GetStage(deal.StageId)?.Name ?? deal.StageId);
            csv.WriteField(deal.Status.ToString());
            csv.WriteField(deal.Amount?.Amount.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(deal.Amount?.Currency ?? string.Empty);
            csv.WriteField(Date(deal.ExpectedClose));
            csv.WriteField(deal.NextStep?.Text ?? string.Empty);
            csv.WriteField(Date(deal.NextStep?.Due));
            csv.WriteField(Instant(deal.CreatedAt));
            csv.WriteField(Instant(deal.StageEnteredAt));
            csv.WriteField(deal.ClosedAt is { } closed ? Instant(closed) : string.Empty);
            csv.WriteField(deal.LostReason ?? string.Empty);
            csv.WriteField(deal.Activities.Count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Date(deal.Activities.Count > 0 ? deal.Activities.Max(a => a.Date) : null));
            csv.EndRecord();
        }
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
