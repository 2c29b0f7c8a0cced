using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// A "record payment" (or "reverse payment") Component Interface over the voucher payment page, keyed by business
/// unit and voucher id. Shops build it in one of two common shapes, both configurable here:
/// <list type="bullet">
/// <item>UpdateData (<c>CI_&lt;NAME&gt;_UD</c>) with the payment inside a collection (a scroll over <c>PS_PYMNT_VCHR_XREF</c>,
/// <see cref="PaymentCollection"/> <c>PYMNT_VCHR_XREF</c>): the default;</item>
/// <item>Create (<c>CI_&lt;NAME&gt;_C</c>) with every property flat on the body root (<see cref="PaymentCollection"/> empty).</item>
/// </list>
/// Every property name is the CI's; override any that the customer named differently.
/// </summary>
public sealed class PeopleSoftVoucherPaymentCiOptions : PeopleSoftComponentInterfaceOptions
{
    /// <summary>Defaults: CI <c>PSB_VCHR_PYMNT</c>, UpdateData, collection <c>PYMNT_VCHR_XREF</c>, action <c>R</c>.</summary>
    public PeopleSoftVoucherPaymentCiOptions()
    {
        Name = "PSB_VCHR_PYMNT";
        Operation = PeopleSoftCiOperation.UpdateData;
    }

    /// <summary>The payment collection (scroll) element holding the payment properties; empty when the CI takes them
    /// flat on the body root (or <c>none</c>). Default <c>PYMNT_VCHR_XREF</c>.</summary>
    public string PaymentCollection { get; set; } = "PYMNT_VCHR_XREF";

    /// <summary>The value sent in <see cref="PaymentActionField"/>: <c>R</c> (record) for a payment, <c>X</c> (cancel)
    /// for a reversal.</summary>
    [Required] public string ActionValue { get; set; } = "R";

    /// <summary>Key property: business unit. Default <c>BUSINESS_UNIT</c>.</summary>
    [Required] public string BusinessUnitField { get; set; } = "BUSINESS_UNIT";

    /// <summary>Key property: voucher id. Default <c>VOUCHER_ID</c>.</summary>
    [Required] public string VoucherIdField { get; set; } = "VOUCHER_ID";

    /// <summary>Payment method (MAN, CHK, ACH, EFT, WIR). Default <c>PYMNT_METHOD</c>.</summary>
    [Required] public string PaymentMethodField { get; set; } = "PYMNT_METHOD";

    /// <summary>Payment action (<see cref="ActionValue"/>). Default <c>PYMNT_ACTION</c>.</summary>
    [Required] public string PaymentActionField { get; set; } = "PYMNT_ACTION";

    /// <summary>The payment reference: the BILL confirmation number. Default <c>PYMNT_ID_REF</c>.</summary>
    [Required] public string ReferenceField { get; set; } = "PYMNT_ID_REF";

    /// <summary>Payment date. Default <c>PYMNT_DT</c>.</summary>
    [Required] public string PaymentDateField { get; set; } = "PYMNT_DT";

    /// <summary>Amount paid. Default <c>PAID_AMT</c>.</summary>
    [Required] public string AmountField { get; set; } = "PAID_AMT";
}
