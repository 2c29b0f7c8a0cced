using System.Globalization;

namespace PsBill.Sandbox.Report;

/// <summary>The human-readable end of a run: what PeopleSoft held, what BILL now holds, what was parked and why, and the verdict.</summary>
public static class SummaryPrinter
{
    /// <summary>Writes the summary; <paramref name="failure"/> is why the run stopped early, if it did.</summary>
    public static void Print(SandboxReport report, TextWriter output, string? failure = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var b = report.Bill;
        var lines = new List<string>
        {
            "",
            "== PsBill sandbox: one full cycle",
            $"PeopleSoft   {report.Suppliers} suppliers, {report.Vouchers} vouchers ({report.ApprovedVouchers} approved)",
            $"BILL         {b.Vendors} vendors, {b.Bills} bills; duplicates: {b.DuplicateVendors} vendors, {b.DuplicateBills} bills",
            $"BILL calls   {b.Calls} (max {b.MaxConcurrentCalls} at once); refused: BDC_1322 {b.Rejected.TooManyConcurrent}, BDC_1144 {b.Rejected.HourlyQuota}, BDC_1109 {b.Rejected.SessionInvalid}, 5xx {b.Rejected.ServerErrors}",
            $"BILL checks  amount mismatches {b.BillAmountMismatches}, invalid line classifications {b.InvalidLineClassifications}",
            $"PeopleSoft   payments recorded {report.PeopleSoft.PaymentsRecorded}, duplicate payments {report.PeopleSoft.DuplicatePayments}",
            $"Connector    parked {report.Connector.Parked}, failed {report.Connector.Failed}, unfinished {report.Connector.Unfinished}",
            $"Durable      {report.Connector.Orchestrations.Total} orchestration instances: {report.Connector.Orchestrations.Completed} completed, {report.Connector.Orchestrations.Failed} failed or terminated, {report.Connector.Orchestrations.Running} running",
            $"Adoption     vendors adopted {report.Connector.AdoptedVendors}, proposed matches {report.Connector.ProposedMatches}, bills adopted {report.Connector.AdoptedBills}",
        };
        foreach (var (cause, count) in report.Connector.ParkedByCause.OrderBy(c => c.Key, StringComparer.Ordinal))
            lines.Add($"  parked {count,4}  {cause}");
        foreach (var example in report.Connector.ParkedExamples) lines.Add($"    e.g. {example}");
        foreach (var reason in report.Connector.FailedReasons) lines.Add($"  failed: {reason}");
        var r = report.Reconciliation;
        lines.Add(r.Error is not null
            ? $"Tie-out      not made: {r.Error}"
            : $"Tie-out      {r.Vouchers} vouchers: {r.Tied} tied, {r.Explained} explained, {r.Unexplained} unexplained; {r.Verdict}");
        if (r.Error is null)
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  totals     PeopleSoft gross {r.PeopleSoftGross:0.00}, BILL amount {r.BillAmount:0.00}, BILL paid {r.BillPaid:0.00}, PeopleSoft paid {r.PeopleSoftPaid:0.00}"));
        foreach (var example in r.UnexplainedExamples) lines.Add($"  unexplained: {example}");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Elapsed      {report.ElapsedSeconds:0.0} s"));
        lines.Add(failure is not null ? $"Result       FAILED: the run stopped early: {failure}"
            : report.Passed ? "Result       OK: no duplicate vendor, bill or payment; no failed item; the tie-out has nothing unexplained"
            : "Result       FAILED: duplicates, failed items or unexplained tie-out differences (see above)");
        foreach (var line in lines) output.WriteLine(line);
    }
}
