using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>The Component Interfaces the writer calls. Both are customer-built in most shops, so their names and
/// field maps are configuration; the defaults are what the PsBill setup guide proposes (and the simulator serves).</summary>
public sealed class PeopleSoftComponentInterfaceNames
{
    /// <summary>The CI over the voucher payment page, used to record (and reverse) what BILL paid.</summary>
    [Required]
    public PeopleSoftVoucherPaymentCiOptions VoucherPayment { get; set; } = new();

    /// <summary>The journal entry CI, used when a shop books BILL payments as journals.</summary>
    [Required]
    public PeopleSoftJournalCiOptions Journal { get; set; } = new();
}
