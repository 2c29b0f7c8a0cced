namespace PsBill.Connector.Reconciliation;

/// <summary>
/// The tie-out of PeopleSoft AP and BILL as of a date: a line per voucher in scope (and per BILL bill no voucher explains),
/// totals per business unit and in all. A plain model: the CLI prints it, the ops page renders it, the alerts read
/// <see cref="Unexplained"/>.
/// </summary>
public sealed record TieOutReport
{
    /// <summary>Payments and vouchers dated after this day are left out.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>When both systems were read.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Every line, by business unit then voucher id; bills without voucher last.</summary>
    public required IReadOnlyList<TieOutLine> Lines { get; init; }

    /// <summary>Totals per business unit.</summary>
    public required IReadOnlyList<TieOutTotals> BusinessUnits { get; init; }

    /// <summary>Totals of every line.</summary>
    public required TieOutTotals Total { get; init; }

    /// <summary>Vouchers in scope.</summary>
    public int Vouchers => Total.Vouchers;

    /// <summary>Lines that tie.</summary>
    public int Tied => Total.Tied;

    /// <summary>Lines that differ for a known reason.</summary>
    public int Explained => Total.Explained;

    /// <summary>Lines that differ for no known reason (bills without voucher included).</summary>
    public int Unexplained => Total.Unexplained;

    /// <summary>Builds the report (totals) from its lines.</summary>
    public static TieOutReport From(DateOnly asOf, DateTimeOffset generatedAt, IEnumerable<TieOutLine> lines)
    {
        var ordered = lines
            .OrderBy(l => l.VoucherKey is null)
            .ThenBy(l => l.BusinessUnit, StringComparer.Ordinal)
            .ThenBy(l => l.VoucherId ?? l.BillId, StringComparer.Ordinal)
            .ToList();
        return new TieOutReport
        {
            AsOf = asOf,
            GeneratedAt = generatedAt,
            Lines = ordered,
            BusinessUnits = ordered.GroupBy(l => l.BusinessUnit, StringComparer.Ordinal)
                .Select(g => TieOutTotals.Of(g.Key, g.ToList())).ToList(),
            Total = TieOutTotals.Of("TOTAL", ordered),
        };
    }
}
