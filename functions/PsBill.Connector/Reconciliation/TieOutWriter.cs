using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PsBill.Connector.Reconciliation;

/// <summary>Writes a <see cref="TieOutReport"/> as a table, CSV or JSON. Amounts are invariant-culture with two decimals.</summary>
public static class TieOutWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(TieOutReport report, TieOutFormat format, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var text = format switch
        {
            TieOutFormat.Json => JsonSerializer.Serialize(report, Json) + Environment.NewLine,
            TieOutFormat.Csv => Csv(report),
            _ => Table(report),
        };
        await output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static string Csv(TieOutReport report)
    {
        var lines = new List<string> { "business_unit,voucher_id,bill_id,peoplesoft_gross,bill_amount,bill_paid,bill_scheduled,peoplesoft_paid,gross_difference,paid_difference,status,notes" };
        lines.AddRange(report.Lines.Select(l => string.Join(",",
            Field(l.BusinessUnit), Field(l.VoucherId), Field(l.BillId), Money(l.PeopleSoftGross), Money(l.BillAmount), Money(l.BillPaid),
            Money(l.BillScheduled), Money(l.PeopleSoftPaid), Money(l.GrossDifference), Money(l.PaidDifference), l.Status.ToString(),
            Field(string.Join(" | ", l.Notes.Select(n => $"{n.Cause}: {n.Text}"))))));
        foreach (var t in report.BusinessUnits.Append(report.Total))
        {
            lines.Add(string.Join(",", Field("TOTAL " + t.BusinessUnit), "", "", Money(t.PeopleSoftGross), Money(t.BillAmount), Money(t.BillPaid), "",
                Money(t.PeopleSoftPaid), Money(t.GrossDifference), Money(t.PaidDifference), t.Ties ? "Tied" : "Differs", Field(t.Verdict)));
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Table(TieOutReport report)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Tie-out as of {report.AsOf:yyyy-MM-dd} (read {report.GeneratedAt:u}): {report.Vouchers} vouchers, {report.Tied} tied, {report.Explained} explained, {report.Unexplained} unexplained"),
            "",
        };
        foreach (var line in report.Lines.Where(l => l.Status != TieOutStatus.Tied))
        {
            lines.Add($"{line.Status,-11} {line.VoucherKey ?? "bill " + line.BillId}");
            lines.AddRange(line.Notes.Select(n => $"            {n.Cause}: {n.Text}"));
        }
        lines.Add("");
        lines.Add($"{"business unit",-14} {"vouchers",8} {"tied",6} {"expl.",6} {"unexpl.",7} {"PS gross",14} {"BILL amount",14} {"BILL paid",14} {"PS paid",14}  verdict");
        foreach (var t in report.BusinessUnits.Append(report.Total))
        {
            lines.Add($"{t.BusinessUnit,-14} {t.Vouchers,8} {t.Tied,6} {t.Explained,6} {t.Unexplained,7} {Money(t.PeopleSoftGross),14} {Money(t.BillAmount),14} {Money(t.BillPaid),14} {Money(t.PeopleSoftPaid),14}  {t.Verdict}");
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A CSV field, quoted when it must be; a leading =, +, - or @ is prefixed so a spreadsheet does not run it.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
