using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The "record payment" Component Interface: keyed by business unit and voucher id, with a payment collection
/// (a scroll over <c>PS_PYMNT_VCHR_XREF</c>) to which the writer adds one row per payment through <c>UpdateData</c>
/// (<c>CI_&lt;NAME&gt;_UD</c>). Property names are the CI's; override any that the customer named differently.
/// </summary>
public sealed class PeopleSoftVoucherPaymentCiOptions
{
    /// <summary>The CI name (the service is <c>CI_&lt;Name&gt;</c>). Default <c>PSB_VCHR_PYMNT</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]+$")]
    public string Name { get; set; } = "PSB_VCHR_PYMNT";

    /// <summary>The payment collection (scroll) element. Default <c>PYMNT_VCHR_XREF</c>.</summary>
    [Required] public string PaymentCollection { get; set; } = "PYMNT_VCHR_XREF";

    /// <summary>Key property: business unit. Default <c>BUSINESS_UNIT</c>.</summary>
    [Required] public string BusinessUnitField { get; set; } = "BUSINESS_UNIT";

    /// <summary>Key property: voucher id. Default <c>VOUCHER_ID</c>.</summary>
    [Required] public string VoucherIdField { get; set; } = "VOUCHER_ID";

    /// <summary>Payment method (MAN, CHK, ACH, EFT, WIR). Default <c>PYMNT_METHOD</c>.</summary>
    [Required] public string PaymentMethodField { get; set; } = "PYMNT_METHOD";

    /// <summary>Payment action: R record, X cancel. Default <c>PYMNT_ACTION</c>.</summary>
    [Required] public string PaymentActionField { get; set; } = "PYMNT_ACTION";

    /// <summary>The payment reference: the BILL confirmation number. Default <c>PYMNT_ID_REF</c>.</summary>
    [Required] public string ReferenceField { get; set; } = "PYMNT_ID_REF";

    /// <summary>Payment date. Default <c>PYMNT_DT</c>.</summary>
    [Required] public string PaymentDateField { get; set; } = "PYMNT_DT";

    /// <summary>Amount paid. Default <c>PAID_AMT</c>.</summary>
    [Required] public string AmountField { get; set; } = "PAID_AMT";
}
