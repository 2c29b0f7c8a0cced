using PsBill.Sandbox.Report;
using PsBill.Sandbox.World;
using PsBill.Simulators.Bill;

namespace PsBill.Tests.Sandbox;

/// <summary>The benchmark table's figures come from the run's report: calls per 1,000 vouchers with and without the vendors' calls.</summary>
public sealed class BenchPrinterTests
{
    [Fact]
    public void Print_FirstLoad_GivesCallsPerThousandVouchersAndPerThousandSuppliersApart()
    {
        var report = new SandboxReport
        {
            Bill = new BillSimulatorFigures
            {
                Vendors = 2000, Bills = 10000,
                CallsByKind = new Dictionary<string, int> { ["POST /connect/v3/vendors/bulk"] = 100, ["POST /connect/v3/bills/bulk"] = 100 },
            },
            Phases =
            [
                new PhaseFigures { Name = "SyncReferenceData", Seconds = 2, BillCalls = 3 },
                new PhaseFigures { Name = "PollSuppliers", Seconds = 10, BillCalls = 101 },
                new PhaseFigures { Name = "PollVouchers", Seconds = 20, BillCalls = 100, TableOperations = 6000 },
            ],
            ElapsedSeconds = 32,
        };
        var output = new StringWriter();

        BenchPrinter.Print(report, new SandboxSettings { Suppliers = 2000, Vouchers = 10000, BillLatency = TimeSpan.FromMilliseconds(100) }, output);

        var text = output.ToString();
        Assert.Contains("First-load calls     20.4 per 1,000 vouchers (204 calls, vendors included)", text, StringComparison.Ordinal);
        Assert.Contains("10.0 per 1,000 vouchers in PollVouchers (100 calls), 50.5 per 1,000 suppliers in PollSuppliers (101 calls)", text, StringComparison.Ordinal);
        Assert.Contains("Bulk floor           6.7 s (200 bulk calls x 100 ms / 3)", text, StringComparison.Ordinal);
    }
}
