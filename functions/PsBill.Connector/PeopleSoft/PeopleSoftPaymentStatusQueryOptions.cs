using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>The read-only query that shows the payments recorded on one voucher (<c>PS_PYMNT_VCHR_XREF</c> joined to
/// <c>PS_PAYMENT_TBL</c>): it confirms that a recorded payment landed.</summary>
public sealed class PeopleSoftPaymentStatusQueryOptions : PeopleSoftQueryOptions
{
    /// <summary>The prompt taking the voucher's business unit. Default <c>BUSINESS_UNIT</c>.</summary>
    [Required]
    public string BusinessUnitPrompt { get; set; } = "BUSINESS_UNIT";

    /// <summary>The prompt taking the voucher id. Default <c>VOUCHER_ID</c>.</summary>
    [Required]
    public string VoucherIdPrompt { get; set; } = "VOUCHER_ID";
}
