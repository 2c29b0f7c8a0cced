using System.Globalization;

namespace PsBill.Connector.Settlement.Export;

/// <summary>
/// Writes staged settlements as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
/// quoted and their quotes doubled). Amounts are invariant with two decimals, negative for reversals; dates ISO 8601.
/// </summary>
public static class CsvSettlementWriter
{
    /// <summary>The header row's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "settlement_key", "kind", "business_unit", "voucher_id", "bill_payment_id", "bill_id",
        "payment_reference", "payment_method", "payment_date", "accounting_date", "amount",
    ];

    /// <summary>Writes the header and one row per settlement.</summary>
    public static async Task WriteAsync(IEnumerable<StagedSettlement> rows, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n").ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] fields =
            [
                row.Key, row.Kind == StagedSettlementKind.Payment ? "payment" : "reversal", row.BusinessUnit, row.VoucherId, row.PaymentId, row.BillId,
                row.Reference, row.Method, row.PaymentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.AccountingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.SignedAmount.ToString("0.00", CultureInfo.InvariantCulture),
            ];
            await writer.WriteAsync(string.Join(',', fields.Select(Quote)) + "\r\n").ConfigureAwait(false);
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
