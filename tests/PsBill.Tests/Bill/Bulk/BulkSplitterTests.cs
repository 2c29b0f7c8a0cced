using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Models;
using PsBill.Simulators.Bill;
using PsBill.Tests.Bill.Support;

namespace PsBill.Tests.Bill.Bulk;

/// <summary>All-or-nothing bulk calls split until the bad records stand alone.</summary>
public sealed class BulkSplitterTests : IAsyncLifetime
{
    private BillSimulator _simulator = null!;
    private BillTestHost _host = null!;
    private BillSamples _samples = null!;
    private string _vendorId = "";

    public async Task InitializeAsync()
    {
        _simulator = await BillSimulator.StartAsync();
        _host = BillTestHost.Create(_simulator);
        _samples = new BillSamples(_simulator);
        _vendorId = _simulator.AddVendor("Acme");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task CreateBillsAsync_OneBadBillAmongTen_CreatesTheNineAndReportsTheBadOneWithBillsError()
    {
        var bills = Enumerable.Range(0, 10).Select(i => _samples.Bill(_vendorId, $"INV-{i}", 10m + i)).ToList();
        bills[6] = bills[6] with
        {
            BillLineItems = [new BillLineItem { Amount = 16m, Classifications = new LineClassifications { ChartOfAccountId = "0ca-unknown" } }],
        };

        var results = await _host.Bulk.CreateBillsAsync(bills);

        Assert.Equal(10, results.Count);
        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.Index));
        var bad = Assert.Single(results, r => r.Status != BulkItemStatus.Created);
        Assert.Equal(6, bad.Index);
        Assert.Equal(BulkItemStatus.Rejected, bad.Status);
        Assert.Contains("chartOfAccountId", bad.Error!.Message, StringComparison.Ordinal);
        Assert.All(results.Where(r => r.Index != 6), r => Assert.Equal(r.Record.Invoice!.InvoiceNumber, r.Created!.Invoice!.InvoiceNumber));
        var stored = _simulator.GetBills();
        Assert.Equal(9, stored.Count);
        Assert.DoesNotContain(stored, b => b.InvoiceNumber == "INV-6");
        Assert.Equal(0, _simulator.GetFigures().DuplicateBills);
    }

    [Fact]
    public async Task CreateBillsAsync_150Bills_GoesInTwoBulkCalls()
    {
        var bills = Enumerable.Range(0, 150).Select(i => _samples.Bill(_vendorId, $"INV-{i}")).ToList();
        await _host.Client.GetSessionDetailsAsync();
        var callsBefore = _simulator.GetFigures().Calls;

        var results = await _host.Bulk.CreateBillsAsync(bills);

        Assert.All(results, r => Assert.Equal(BulkItemStatus.Created, r.Status));
        Assert.Equal(150, _simulator.GetFigures().Bills);
        Assert.Equal(2, _simulator.GetFigures().Calls - callsBefore);
    }

    [Fact]
    public async Task CreateVendorsAsync_TwoBadAmongTwentyFive_CreatesTheOthers()
    {
        var vendors = Enumerable.Range(0, 25).Select(i => BillSamples.Vendor($"Supplier {i}")).ToList();
        vendors[3] = vendors[3] with { Name = " " };
        vendors[22] = vendors[22] with { AccountType = "ALIEN" };

        var results = await _host.Bulk.CreateVendorsAsync(vendors);

        Assert.Equal([3, 22], results.Where(r => r.Status == BulkItemStatus.Rejected).Select(r => r.Index));
        Assert.Contains("accountType", results[22].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(23 + 1, _simulator.GetFigures().Vendors); // plus the vendor the test seeded
    }

    [Fact]
    public async Task CreateBillsAsync_AnswerLost_EveryBillOfThatCallIsOutcomeUnknown()
    {
        var bills = Enumerable.Range(0, 5).Select(i => _samples.Bill(_vendorId, $"INV-{i}")).ToList();
        await _host.Client.GetSessionDetailsAsync();

        _simulator.Faults.DropNextCreateResponses(1);
        var results = await _host.Bulk.CreateBillsAsync(bills);

        Assert.All(results, r => Assert.Equal(BulkItemStatus.OutcomeUnknown, r.Status));
        Assert.Equal(5, _simulator.GetFigures().Bills); // they were created: the sync must look them up, not resend
    }

    [Fact]
    public async Task CreateBillsAsync_QuotaExhaustedAfterRetries_NotSentAndNotSplit()
    {
        await using var simulator = await BillSimulator.StartAsync(new BillSimulatorOptions { HourlyCallQuota = 1 });
        await using var host = BillTestHost.Create(simulator, configure: o => o.HourlyQuotaMaxWaits = 0);
        var samples = new BillSamples(simulator);
        var vendorId = simulator.AddVendor("Acme");
        await host.Client.GetSessionDetailsAsync(); // spends the quota

        var results = await host.Bulk.CreateBillsAsync([samples.Bill(vendorId, "A"), samples.Bill(vendorId, "B")]);

        Assert.All(results, r => Assert.Equal(BulkItemStatus.NotSent, r.Status));
        Assert.All(results, r => Assert.Equal(BillErrorCode.HourlyQuotaExceeded, r.Error!.Code));
        Assert.Equal(1, simulator.GetFigures().Rejected.HourlyQuota);
    }
}
