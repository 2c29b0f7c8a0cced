using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Suppliers;

namespace PsBill.Tests.Sync;

public sealed class VendorTranslatorTests
{
    [Fact]
    public void Plan_ApprovedSupplier_VendorWithMarkerAddressAndCurrency()
    {
        var translator = new VendorTranslator(SyncSamples.Options(o => o.SetIdCurrencies = "SHARE=USD;CAN01=CAD"));

        var plan = translator.Plan("supplier:SHARE:0000000007", SyncSamples.Supplier());

        Assert.Equal(SyncAction.Send, plan.Action);
        var vendor = plan.Payload!;
        Assert.Equal("Acme Industrial Supply", vendor.Name);
        Assert.Equal("SHARE:0000000007", vendor.ShortName);
        Assert.Equal("US", vendor.Address!.Country);
        Assert.Equal("1 Main Street", vendor.Address.Line1);
        Assert.Equal("Suite 100", vendor.Address.Line2);
        Assert.Equal("Acme Industrial Supply", vendor.PaymentInformation!.PayeeName);
        Assert.Equal("USD", vendor.BillCurrency);
        Assert.Equal(new SyncDetail { Name = "Acme Industrial Supply", Marker = "SHARE:0000000007" }, plan.Detail);
    }

    [Theory]
    [InlineData(false, SyncAction.Skip)]
    [InlineData(true, SyncAction.Archive)]
    public void Plan_InactiveSupplier_SkipsOrArchivesAsConfigured(bool archive, SyncAction expected)
    {
        var translator = new VendorTranslator(SyncSamples.Options(o => o.ArchiveInactiveVendors = archive));

        var plan = translator.Plan("supplier:SHARE:0000000007", SyncSamples.Supplier(status: "I"));

        Assert.Equal(expected, plan.Action);
        Assert.Contains("inactive", plan.Reason);
    }

    [Fact]
    public void Plan_NoStoredRecord_ParkedForData()
    {
        var plan = new VendorTranslator(SyncSamples.Options()).Plan("supplier:SHARE:1", null);

        Assert.Equal(SyncAction.Park, plan.Action);
        Assert.Equal(ParkCause.Data, plan.Cause);
    }

    [Theory]
    [InlineData("CAN", "CA")]
    [InlineData("us", "US")]
    [InlineData("XYZ", null)]
    public void ToAlpha2_PeopleSoftCountry_BillCountry(string country, string? expected) =>
        Assert.Equal(expected, CountryCodes.ToAlpha2(country));
}
