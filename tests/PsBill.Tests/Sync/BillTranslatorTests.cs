using PsBill.Connector.Sync;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Vouchers;

namespace PsBill.Tests.Sync;

public sealed class BillTranslatorTests
{
    private readonly BillTranslator _translator = new(SyncSamples.Options());

    [Fact]
    public void Draft_MappedVoucher_OneLinePerDistributionWithClassificationsSummingToGross()
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 100.10m), ("620000", null, 0.25m));

        var draft = _translator.Draft(voucher.Key, voucher, withdrawn: false, SyncSamples.Mappings());
        var plan = BillTranslator.Complete(draft, "009-vendor");

        Assert.Equal(SyncAction.Send, plan.Action);
        var bill = plan.Payload!;
        Assert.Equal("009-vendor", bill.VendorId);
        Assert.Equal("INV-42", bill.Invoice!.InvoiceNumber);
        Assert.Equal(new DateOnly(2026, 1, 2), bill.Invoice.InvoiceDate);
        Assert.Equal(new DateOnly(2026, 2, 1), bill.DueDate);
        Assert.Null(bill.Amount); // BILL computes it from the lines
        Assert.Equal([100.10m, 0.25m], bill.BillLineItems!.Select(l => l.Amount!.Value));
        Assert.Equal(["0ca-610", "0ca-620"], bill.BillLineItems!.Select(l => l.Classifications!.ChartOfAccountId!));
        Assert.Equal("0de-10", bill.BillLineItems![0].Classifications!.DepartmentId);
        Assert.Null(bill.BillLineItems![1].Classifications!.DepartmentId);
        Assert.Equal(new SyncDetail { VendorId = "009-vendor", InvoiceNumber = "INV-42" }, plan.Detail);
    }

    [Fact]
    public void Draft_UnmappedAccountAndDepartment_ParkedForMappingNamingLineAndField()
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 10m), ("679000", "99900", 5m));

        var plan = _translator.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()).Final!;

        Assert.Equal(SyncAction.Park, plan.Action);
        Assert.Equal(ParkCause.Mapping, plan.Cause);
        Assert.Contains("voucher:US001:00000042", plan.Reason);
        Assert.Contains("line 1.2: ACCOUNT 679000 (SETID SHARE)", plan.Reason);
        Assert.Contains("DEPTID 99900", plan.Reason);
    }

    [Theory]
    [InlineData("zero", "GROSS_AMT is 0.00")]
    [InlineData("sum", "sum to 10.00 but GROSS_AMT is 10.01")]
    [InlineData("due", "DUE_DT is empty")]
    [InlineData("invoice", "INVOICE_ID is empty")]
    [InlineData("recycle", "ENTRY_STATUS is 'R'")]
    [InlineData("decimals", "more than 2 decimals")]
    public void Draft_BadVoucherData_ParkedForDataWithTheField(string problem, string expected)
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 10m));
        voucher = problem switch
        {
            "zero" => SyncSamples.Voucher(("610000", "10000", 0m)),
            "sum" => voucher with { GrossAmount = 10.01m },
            "due" => voucher with { DueDate = null },
            "invoice" => voucher with { InvoiceId = " " },
            "recycle" => voucher with { EntryStatus = "R" },
            _ => SyncSamples.Voucher(("610000", "10000", 10.005m)),
        };

        var plan = _translator.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()).Final!;

        Assert.Equal(SyncAction.Park, plan.Action);
        Assert.Equal(ParkCause.Data, plan.Cause);
        Assert.Contains(expected, plan.Reason);
    }

    [Theory]
    [InlineData("D", "P", false, "denied")]
    [InlineData("A", "X", false, "deleted")]
    [InlineData("A", "P", true, "no longer approved")]
    public void Draft_WithdrawnVoucher_Archives(string approval, string entry, bool withdrawn, string expected)
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 10m)) with { ApprovalStatus = approval, EntryStatus = entry };

        var plan = _translator.Draft(voucher.Key, voucher, withdrawn, SyncSamples.Mappings()).Final!;

        Assert.Equal(SyncAction.Archive, plan.Action);
        Assert.Contains(expected, plan.Reason);
    }

    [Fact]
    public void Draft_OperatingUnitToLocation_FillsLocationFromOperatingUnitMapping()
    {
        var translator = new BillTranslator(SyncSamples.Options(o =>
        {
            o.CostCenterSource = CostCenterSource.OperatingUnit;
            o.CostCenterTarget = CostCenterTarget.Location;
        }));
        var voucher = SyncSamples.Voucher(("610000", "99999", 10m));

        var plan = BillTranslator.Complete(translator.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()), "009-v");

        var classifications = plan.Payload!.BillLineItems![0].Classifications!;
        Assert.Equal("0de-hq", classifications.LocationId);
        Assert.Null(classifications.DepartmentId);
    }

    [Fact]
    public void Complete_SameVoucherTwice_SameHash_ChangedAmount_OtherHash()
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 10m));
        var once = BillTranslator.Complete(_translator.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()), "009-v");
        var again = BillTranslator.Complete(_translator.Draft(voucher.Key, voucher with { ChangedAt = DateTime.MaxValue }, false, SyncSamples.Mappings()), "009-v");
        var changed = SyncSamples.Voucher(("610000", "10000", 10.01m));
        var other = BillTranslator.Complete(_translator.Draft(changed.Key, changed, false, SyncSamples.Mappings()), "009-v");

        Assert.Equal(once.Hash, again.Hash);
        Assert.NotEqual(once.Hash, other.Hash);
    }
}
