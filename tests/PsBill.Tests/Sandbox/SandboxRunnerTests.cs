using System.Text.Json;
using PsBill.Sandbox;
using PsBill.Sandbox.World;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sandbox;

/// <summary>The runner behind ./sandbox.sh on a small world: it exits 0 and writes the report DESIGN.md defines.</summary>
public sealed class SandboxRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(FaultMode.None)]
    [InlineData(FaultMode.Chaos)]
    public async Task RunAsync_SmallWorld_ExitsZeroAndWritesTheDesignReport(FaultMode faults)
    {
        var path = Path.Combine(Path.GetTempPath(), $"psbill-report-{Guid.NewGuid():N}.json");
        var settings = new SandboxSettings
        {
            Suppliers = 10, Vouchers = 30, Faults = faults,
            StorageConnectionString = azurite.ConnectionString, StoragePrefix = AzuriteFixture.UniquePrefix(),
        };
        using var output = new StringWriter();

        var exit = await SandboxRunner.RunAsync(new SandboxArguments(settings, path), output);

        Assert.True(exit == 0, output.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = report.RootElement;
        Assert.Equal(10, root.GetProperty("suppliers").GetInt32());
        Assert.Equal(30, root.GetProperty("vouchers").GetInt32());
        var approved = root.GetProperty("approved_vouchers").GetInt32();
        var bill = root.GetProperty("bill");
        foreach (var name in new[] { "vendors", "bills", "duplicate_vendors", "duplicate_bills", "calls", "max_concurrent_calls", "bill_amount_mismatches", "invalid_line_classifications" })
            Assert.Equal(JsonValueKind.Number, bill.GetProperty(name).ValueKind);
        foreach (var name in new[] { "BDC_1322", "BDC_1144", "BDC_1109", "5xx" })
            Assert.Equal(JsonValueKind.Number, bill.GetProperty("rejected").GetProperty(name).ValueKind);
        Assert.Equal(0, bill.GetProperty("duplicate_bills").GetInt32());
        Assert.Equal(0, root.GetProperty("peoplesoft").GetProperty("duplicate_payments").GetInt32());
        Assert.Equal(0, root.GetProperty("connector").GetProperty("failed").GetInt32());
        var parked = root.GetProperty("connector").GetProperty("parked").GetInt32();
        // Every approved voucher is a bill or parked (the supplier rows parked count too, so at least).
        Assert.True(bill.GetProperty("bills").GetInt32() + parked >= approved, output.ToString());
        Assert.True(root.GetProperty("elapsed_seconds").GetDouble() > 0);
        // Issue 13: the tie-out's figures, read from both simulators, and printed.
        var reconciliation = root.GetProperty("reconciliation");
        foreach (var name in new[] { "vouchers", "tied", "explained", "unexplained", "peoplesoft_gross", "bill_amount", "bill_paid", "peoplesoft_paid" })
            Assert.Equal(JsonValueKind.Number, reconciliation.GetProperty(name).ValueKind);
        Assert.Equal(0, reconciliation.GetProperty("unexplained").GetInt32());
        Assert.True(reconciliation.GetProperty("vouchers").GetInt32() >= approved, output.ToString());
        Assert.Contains("Tie-out      ", output.ToString());
        Assert.Contains("Result       OK", output.ToString());
    }
}
