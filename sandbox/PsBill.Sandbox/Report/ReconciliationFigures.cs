using System.Text.Json.Serialization;
using PsBill.Connector.Reconciliation;

namespace PsBill.Sandbox.Report;

/// <summary>The report's <c>reconciliation</c> object: the connector's tie-out of both simulators after the cycle (read from
/// PeopleSoft's queries and BILL's lists, explained by the ledger).</summary>
public sealed record ReconciliationFigures
{
    [JsonPropertyName("vouchers")] public int Vouchers { get; init; }
    [JsonPropertyName("tied")] public int Tied { get; init; }
    [JsonPropertyName("explained")] public int Explained { get; init; }
    [JsonPropertyName("unexplained")] public int Unexplained { get; init; }
    [JsonPropertyName("peoplesoft_gross")] public decimal PeopleSoftGross { get; init; }
    [JsonPropertyName("bill_amount")] public decimal BillAmount { get; init; }
    [JsonPropertyName("bill_paid")] public decimal BillPaid { get; init; }
    [JsonPropertyName("peoplesoft_paid")] public decimal PeopleSoftPaid { get; init; }

    /// <summary>The totals row's verdict ("ties to the cent" or by how much not).</summary>
    [JsonPropertyName("verdict")] public string Verdict { get; init; } = "";

    /// <summary>Why the tie-out could not be made, if it could not.</summary>
    [JsonPropertyName("error")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }

    /// <summary>The first unexplained notes, for the summary.</summary>
    [JsonIgnore] public IReadOnlyList<string> UnexplainedExamples { get; init; } = [];

    /// <summary>The figures of a report.</summary>
    public static ReconciliationFigures From(TieOutReport report) => new()
    {
        Vouchers = report.Vouchers,
        Tied = report.Tied,
        Explained = report.Explained,
        Unexplained = report.Unexplained,
        PeopleSoftGross = report.Total.PeopleSoftGross,
        BillAmount = report.Total.BillAmount,
        BillPaid = report.Total.BillPaid,
        PeopleSoftPaid = report.Total.PeopleSoftPaid,
        Verdict = report.Total.Verdict,
        UnexplainedExamples = report.Lines.Where(l => l.Status == TieOutStatus.Unexplained)
            .SelectMany(l => l.Notes.Where(n => !n.Explains).Select(n => n.Text)).Take(8).ToList(),
    };
}
