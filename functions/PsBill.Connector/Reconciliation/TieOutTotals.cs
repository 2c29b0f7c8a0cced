using System.Globalization;

namespace PsBill.Connector.Reconciliation;

/// <summary>The sums of a set of lines (one business unit, or all): the four amounts, the counts, and whether they tie.</summary>
public sealed record TieOutTotals
{
    /// <summary>The business unit, or <c>TOTAL</c>.</summary>
    public required string BusinessUnit { get; init; }

    public int Vouchers { get; init; }
    public int Tied { get; init; }
    public int Explained { get; init; }
    public int Unexplained { get; init; }
    public decimal PeopleSoftGross { get; init; }
    public decimal BillAmount { get; init; }
    public decimal BillPaid { get; init; }
    public decimal PeopleSoftPaid { get; init; }

    /// <summary>The signed sum of the unexplained lines' gross differences.</summary>
    public decimal UnexplainedGrossDifference { get; init; }

    /// <summary>The signed sum of the unexplained lines' paid differences.</summary>
    public decimal UnexplainedPaidDifference { get; init; }

    public decimal GrossDifference => PeopleSoftGross - BillAmount;
    public decimal PaidDifference => BillPaid - PeopleSoftPaid;

    /// <summary>True when gross = bill amount and BILL paid = PeopleSoft paid, to the cent.</summary>
    public bool Ties => GrossDifference == 0m && PaidDifference == 0m;

    /// <summary>"ties", or by how much it does not and how much of that nobody explains.</summary>
    public string Verdict => Ties
        ? "ties to the cent"
        : string.Create(CultureInfo.InvariantCulture,
            $"off by {GrossDifference:0.00} gross and {PaidDifference:0.00} paid; unexplained {UnexplainedGrossDifference:0.00} gross, {UnexplainedPaidDifference:0.00} paid in {Unexplained} lines");

    /// <summary>The totals of <paramref name="lines"/>.</summary>
    public static TieOutTotals Of(string businessUnit, IReadOnlyCollection<TieOutLine> lines) => new()
    {
        BusinessUnit = businessUnit,
        Vouchers = lines.Count(l => l.VoucherKey is not null),
        Tied = lines.Count(l => l.Status == TieOutStatus.Tied),
        Explained = lines.Count(l => l.Status == TieOutStatus.Explained),
        Unexplained = lines.Count(l => l.Status == TieOutStatus.Unexplained),
        PeopleSoftGross = lines.Sum(l => l.PeopleSoftGross),
        BillAmount = lines.Sum(l => l.BillAmount),
        BillPaid = lines.Sum(l => l.BillPaid),
        PeopleSoftPaid = lines.Sum(l => l.PeopleSoftPaid),
        UnexplainedGrossDifference = lines.Where(l => l.Status == TieOutStatus.Unexplained).Sum(l => l.GrossDifference),
        UnexplainedPaidDifference = lines.Where(l => l.Status == TieOutStatus.Unexplained).Sum(l => l.PaidDifference),
    };
}
