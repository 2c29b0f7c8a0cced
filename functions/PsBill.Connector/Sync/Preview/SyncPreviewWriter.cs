using System.Globalization;

namespace PsBill.Connector.Sync.Preview;

/// <summary>A preview as a text table (for a terminal) or as CSV (for a spreadsheet).</summary>
public static class SyncPreviewWriter
{
    /// <summary>Writes the rows as aligned columns, then the totals.</summary>
    public static async Task WriteTableAsync(SyncPreviewReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var keyWidth = Math.Max(6, report.Rows.Select(r => r.Key.Length).DefaultIfEmpty(0).Max());
        var idWidth = Math.Max(7, report.Rows.Select(r => r.BillId?.Length ?? 0).DefaultIfEmpty(0).Max());
        await output.WriteLineAsync($"{"RECORD".PadRight(keyWidth)}  {"ACTION",-12}  {"BILL ID".PadRight(idWidth)}  DETAIL").ConfigureAwait(false);
        foreach (var row in report.Rows)
            await output.WriteLineAsync($"{row.Key.PadRight(keyWidth)}  {row.Action,-12}  {(row.BillId ?? "").PadRight(idWidth)}  {row.Detail}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("TOTALS").ConfigureAwait(false);
        foreach (var (action, count) in report.Totals)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{action,-12}  {count}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"records",-12}  {report.Rows.Count}")).ConfigureAwait(false);
    }

    /// <summary>Writes <c>record,action,bill_id,detail</c> with a header line, RFC 4180 quoting.</summary>
    public static async Task WriteCsvAsync(SyncPreviewReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("record,action,bill_id,detail").ConfigureAwait(false);
        foreach (var row in report.Rows)
            await output.WriteLineAsync($"{Quote(row.Key)},{row.Action},{Quote(row.BillId ?? "")},{Quote(row.Detail)}").ConfigureAwait(false);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
