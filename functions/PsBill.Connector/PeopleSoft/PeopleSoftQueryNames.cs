using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The customer's queries the reader runs. Names and prompts are the customer's choice; the defaults are the names
/// the PsBill setup guide asks the customer to create (and what the simulator serves).
/// </summary>
public sealed class PeopleSoftQueryNames
{
    /// <summary>Suppliers with their addresses (<c>PS_VENDOR</c> + <c>PS_VENDOR_ADDR</c>), one row per address row.</summary>
    [Required]
    public PeopleSoftQueryOptions Suppliers { get; set; } = new()
    {
        Name = "PSB_SUPPLIERS",
        ChangedSincePrompt = "LASTUPDDTTM",
        AfterKeyPrompts = "SETID,VENDOR_ID",
    };

    /// <summary>
    /// Approved vouchers, flattened: one row per distribution line carrying its voucher and voucher-line columns.
    /// One flattened query (rather than a header query plus a lines query per voucher) keeps each voucher a
    /// consistent snapshot read in the same call, and keeps the call count low under the concurrency cap.
    /// </summary>
    [Required]
    public PeopleSoftQueryOptions ApprovedVouchers { get; set; } = new()
    {
        Name = "PSB_APPROVED_VOUCHERS",
        ChangedSincePrompt = "LASTUPDDTTM",
        AfterKeyPrompts = "BUSINESS_UNIT,VOUCHER_ID",
    };

    /// <summary>GL accounts (<c>PS_GL_ACCOUNT_TBL</c>), every effective-dated row; the reader keeps the current one.</summary>
    [Required]
    public PeopleSoftQueryOptions GlAccounts { get; set; } = new()
    {
        Name = "PSB_GL_ACCOUNTS",
        AfterKeyPrompts = "SETID,ACCOUNT",
    };

    /// <summary>Departments (<c>PS_DEPT_TBL</c>), every effective-dated row; the reader keeps the current one.</summary>
    [Required]
    public PeopleSoftQueryOptions Departments { get; set; } = new()
    {
        Name = "PSB_DEPARTMENTS",
        AfterKeyPrompts = "SETID,DEPTID",
    };

    /// <summary>Payments recorded on one voucher.</summary>
    [Required]
    public PeopleSoftPaymentStatusQueryOptions VoucherPaymentStatus { get; set; } = new()
    {
        Name = "PSB_VOUCHER_PAYMENTS",
    };
}
