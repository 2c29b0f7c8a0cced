using System.Globalization;
using PsBill.Sandbox.World;

namespace PsBill.Sandbox.Report;

/// <summary>
/// <c>./bench.sh</c>'s table: the run's figures set against BILL's physical limits. BILL admits 3 calls in flight per
/// organization, so at latency L the first load cannot beat (bulk calls x L / 3) and a connector that creates one record a
/// call needs (records x L / 3). The first load is the reference data, supplier and voucher phases with the drain.
/// </summary>
public static class BenchPrinter
{
    private static readonly string[] FirstLoadPhases = ["SyncReferenceData", "PollSuppliers", "PollVouchers", "Drain"];

    /// <summary>Prints the table.</summary>
    public static void Print(SandboxReport report, SandboxSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        var firstLoad = report.Phases.Where(p => FirstLoadPhases.Contains(p.Name, StringComparer.Ordinal)).ToList();
        var loadSeconds = firstLoad.Sum(p => p.Seconds);
        var records = report.Bill.Vendors + report.Bill.Bills;
        var bulkCalls = report.Bill.CallsByKind.Where(k => k.Key.StartsWith("POST ", StringComparison.Ordinal) && k.Key.EndsWith("/bulk", StringComparison.Ordinal)).Sum(k => k.Value);
        var latency = settings.BillLatency.TotalSeconds;
        var oneRecordFloor = records * latency / 3;
        var bulkFloor = bulkCalls * latency / 3;
        var loadCalls = firstLoad.Sum(p => p.BillCalls);
        var loadOperations = firstLoad.Sum(p => p.TableOperations);

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Benchmark    {settings.Suppliers} suppliers, {settings.Vouchers} vouchers, BILL latency {settings.BillLatency.TotalMilliseconds:0} ms, {Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow():yyyy-MM-dd}"));
        foreach (var phase in report.Phases)
            output.WriteLine(string.Create(c, $"  {phase.Name,-18} {phase.Seconds,7:0.0} s  {phase.BillCalls,6} BILL calls  {phase.TableOperations,7} table operations"));
        output.WriteLine(string.Create(c, $"  first load         {loadSeconds,7:0.0} s  ({records} records created: {report.Bill.Vendors} vendors, {report.Bill.Bills} bills)"));
        output.WriteLine(string.Create(c, $"  whole cycle        {report.ElapsedSeconds,7:0.0} s"));
        output.WriteLine("BILL calls by kind");
        foreach (var (kind, count) in report.Bill.CallsByKind.OrderByDescending(k => k.Value))
            output.WriteLine(string.Create(c, $"  {kind,-56} {count,7}"));
        output.WriteLine(string.Create(c, $"Most in flight       {report.Bill.MaxConcurrentCalls} (BILL allows 3)"));
        output.WriteLine(string.Create(c, $"First-load calls     {Per(loadCalls, settings.Vouchers, 1000):0.0} per 1,000 vouchers ({loadCalls} calls, vendors included)"));
        // The voucher flow's own calls (bill bulk creates, look-ups, vendors created inline): what grows with the vouchers. The
        // vendors' calls grow with the suppliers (BILL creates at most 20 vendors a call, so 50 calls per 1,000 suppliers).
        var voucherCalls = report.Phases.Where(p => p.Name == "PollVouchers").Sum(p => p.BillCalls);
        var supplierCalls = report.Phases.Where(p => p.Name == "PollSuppliers").Sum(p => p.BillCalls);
        output.WriteLine(string.Create(c, $"  of which          {Per(voucherCalls, settings.Vouchers, 1000):0.0} per 1,000 vouchers in PollVouchers ({voucherCalls} calls), {Per(supplierCalls, settings.Suppliers, 1000):0.0} per 1,000 suppliers in PollSuppliers ({supplierCalls} calls)"));
        output.WriteLine(string.Create(c, $"Table operations     {Per(loadOperations, records, 1):0.00} per record created in the first load ({loadOperations})"));
        output.WriteLine(string.Create(c, $"Payment reads        at most {report.Bill.MaxReadsOfAPayment} of any one payment over the whole run (each webhook, void and poll is a cycle)"));
        output.WriteLine(string.Create(c, $"Peak memory          {report.PeakMemoryMegabytes} MB (connector and both simulators in one process)"));
        if (latency > 0 && loadSeconds > 0)
        {
            output.WriteLine(string.Create(c, $"One-record floor     {oneRecordFloor:0.0} s ({records} records x {settings.BillLatency.TotalMilliseconds:0} ms / 3): the first load is {oneRecordFloor / loadSeconds:0.0}x faster"));
            output.WriteLine(string.Create(c, $"Bulk floor           {bulkFloor:0.0} s ({bulkCalls} bulk calls x {settings.BillLatency.TotalMilliseconds:0} ms / 3): the first load takes {loadSeconds / Math.Max(bulkFloor, 0.001):0.0}x that"));
        }
    }

    private static double Per(long count, int of, int unit) => of == 0 ? 0 : (double)count * unit / of;
}
