using System.Xml.Linq;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftComponentInterfaceClientTests
{
    [Fact]
    public async Task InvokeAsync_GetOnPaymentCi_ReturnsTheVoucherWithItsPayments()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var voucher = host.Simulator.GetVouchers().First(v => v.IsApproved && v.RawOverrides is null);
        await host.Writer.RecordVoucherPaymentAsync(new PeopleSoftPaymentRecord(voucher.BusinessUnit, voucher.VoucherId, "CHK", "REF-1", new DateOnly(2026, 1, 9), 1m));

        var response = await host.CiClient.InvokeAsync("PSB_VCHR_PYMNT", PeopleSoftCiOperation.Get,
            [new XElement("BUSINESS_UNIT", voucher.BusinessUnit), new XElement("VOUCHER_ID", voucher.VoucherId)], voucher.Key);

        Assert.Equal("Get__CompIntfc__PSB_VCHR_PYMNTResponse", response.Name.LocalName);
        Assert.Equal(voucher.VoucherId, response.Elements().Single(e => e.Name.LocalName == "VOUCHER_ID").Value);
        var payment = response.Elements().Single(e => e.Name.LocalName == "PYMNT_VCHR_XREF");
        Assert.Equal("REF-1", payment.Elements().Single(e => e.Name.LocalName == "PYMNT_ID_REF").Value);
    }

    [Fact]
    public async Task InvokeAsync_FindOnPaymentCi_ReturnsTheBusinessUnitsVouchers()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var expected = host.Simulator.GetVouchers().Count(v => v.BusinessUnit == "CA001");

        var response = await host.CiClient.InvokeAsync("PSB_VCHR_PYMNT", PeopleSoftCiOperation.Find,
            [new XElement("BUSINESS_UNIT", "CA001")], "business-unit:CA001");

        Assert.Equal("Find__CompIntfc__PSB_VCHR_PYMNTResponse", response.Name.LocalName);
        Assert.Equal(expected, response.Elements().Count());
    }

    [Fact]
    public async Task InvokeAsync_GetOnJournalCi_ReturnsTheCreatedJournal()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();
        var created = await host.Writer.CreateJournalAsync(new PeopleSoftJournal("US002", new DateOnly(2026, 2, 3), "test",
            [new("200000", "10000", 7.25m, "V9", "debit"), new("100000", "10000", -7.25m, "V9", "credit")]));

        var response = await host.CiClient.InvokeAsync("PSB_JOURNAL", PeopleSoftCiOperation.Get,
            [new XElement("BUSINESS_UNIT", "US002"), new XElement("JOURNAL_ID", created.JournalId)], "journal:US002");

        Assert.Equal(2, response.Elements().Count(e => e.Name.LocalName == "JRNL_LN"));
    }

    [Fact]
    public async Task InvokeAsync_UnknownComponentInterface_ThrowsRejectedNamingTheOperation()
    {
        await using var host = await PeopleSoftTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<PeopleSoftException>(() =>
            host.CiClient.InvokeAsync("NO_SUCH_CI", PeopleSoftCiOperation.Get, [], "nothing"));

        Assert.Equal(PeopleSoftErrorKind.Rejected, error.Kind);
        Assert.Contains("CI_NO_SUCH_CI_G.V1", error.Message);
    }

    [Theory]
    [InlineData(PeopleSoftCiOperation.Create, "CI_VNDR_ID_C.V1", "Create__CompIntfc__VNDR_ID")]
    [InlineData(PeopleSoftCiOperation.Get, "CI_VNDR_ID_G.V1", "Get__CompIntfc__VNDR_ID")]
    [InlineData(PeopleSoftCiOperation.Find, "CI_VNDR_ID_F.V1", "Find__CompIntfc__VNDR_ID")]
    [InlineData(PeopleSoftCiOperation.Update, "CI_VNDR_ID_UP.V1", "Update__CompIntfc__VNDR_ID")]
    [InlineData(PeopleSoftCiOperation.UpdateData, "CI_VNDR_ID_UD.V1", "Updatedata__CompIntfc__VNDR_ID")]
    public void SoapActionAndRequestElement_EachOperation_FollowPeopleSoftsNaming(PeopleSoftCiOperation operation, string action, string element)
    {
        Assert.Equal(action, PeopleSoftCiOperations.SoapAction("VNDR_ID", operation));
        Assert.Equal(element, PeopleSoftCiOperations.RequestElement("VNDR_ID", operation));
    }
}
