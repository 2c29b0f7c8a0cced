using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>The Component Interfaces the writer calls. They are customer-built in most shops, so their names, operations,
/// message shapes and field maps are configuration; the defaults are what the PsBill setup guide proposes (and the
/// simulator serves by default).</summary>
public sealed class PeopleSoftComponentInterfaceNames
{
    /// <summary>The CI that records what BILL paid on the voucher (<c>PsBill:PeopleSoft:ComponentInterfaces:VoucherPayment</c>).</summary>
    [Required]
    public PeopleSoftVoucherPaymentCiOptions VoucherPayment { get; set; } = new();

    /// <summary>The CI that cancels a recorded payment when BILL voids it (<c>...:ComponentInterfaces:PaymentReversal</c>).
    /// Default: the same CI and shape as the payment, with action <c>X</c>. A shop whose payment CI is configured
    /// differently sets these too.</summary>
    [Required]
    public PeopleSoftVoucherPaymentCiOptions PaymentReversal { get; set; } = new() { ActionValue = "X" };

    /// <summary>The journal entry CI, used when a shop books BILL payments as journals.</summary>
    [Required]
    public PeopleSoftJournalCiOptions Journal { get; set; } = new();
}
