using PsBill.Connector.Sync;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Vouchers;

namespace PsBill.Tests.Sync.Adoption;

public sealed class CutoverTests
{
    [Fact]
    public void Draft_AccountingDateBeforeCutover_IsSkippedWithTheReason()
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 100m)); // ACCOUNTING_DT 2026-01-02
        var translator = new BillTranslator(SyncSamples.Options(o => o.CutoverDate = new DateOnly(2026, 1, 3)));
        var draft = translator.Draft(voucher.Key, voucher, false, SyncSamples.Mappings());
        Assert.Equal(SyncAction.Skip, draft.Final!.Action);
        Assert.Contains("ACCOUNTING_DT 2026-01-02 is before the cutover date 2026-01-03", draft.Final.Reason);
    }

    [Fact]
    public void Draft_OnTheCutoverDate_Goes()
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 100m));
        var translator = new BillTranslator(SyncSamples.Options(o => o.CutoverDate = new DateOnly(2026, 1, 2)));
        Assert.Null(translator.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()).Final);
    }

    [Fact]
    public void Draft_ListedVoucher_IsSkipped_ByInvoiceDateToo()
    {
        var voucher = SyncSamples.Voucher(("610000", "10000", 100m));
        var listed = new BillTranslator(SyncSamples.Options(o => o.CutoverSkipVouchers = "US001:00000099; US001:00000042"));
        Assert.Contains("CutoverSkipVouchers", listed.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()).Final!.Reason);
        var byInvoice = new BillTranslator(SyncSamples.Options(o =>
        {
            o.CutoverDate = new DateOnly(2026, 1, 3);
            o.CutoverDateField = CutoverDateField.InvoiceDate;
        }));
        Assert.Contains("INVOICE_DT", byInvoice.Draft(voucher.Key, voucher, false, SyncSamples.Mappings()).Final!.Reason);
    }
}
