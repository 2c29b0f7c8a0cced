namespace PsBill.Connector.Bill.Models;

/// <summary>
/// A BILL bill: what the organization owes a vendor. Create needs <see cref="VendorId"/>, <see cref="DueDate"/>,
/// <see cref="Invoice"/> (number and date) and at least one line with an amount. <see cref="Amount"/>,
/// <see cref="PaidAmount"/>, <see cref="DueAmount"/>, <see cref="PaymentStatus"/> and <see cref="ApprovalStatus"/>
/// are read-only: BILL computes them. (Named <c>VendorBill</c> so it does not clash with the namespace.)
/// </summary>
public sealed record VendorBill
{
    public string? Id { get; init; }
    public bool? Archived { get; init; }
    public string? VendorId { get; init; }
    public string? VendorName { get; init; }
    public decimal? Amount { get; init; }
    public decimal? PaidAmount { get; init; }
    public decimal? DueAmount { get; init; }
    public decimal? ScheduledAmount { get; init; }
    public decimal? CreditAmount { get; init; }
    public decimal? ExchangeRate { get; init; }
    public string? Description { get; init; }
    public DateOnly? DueDate { get; init; }
    public BillInvoice? Invoice { get; init; }
    public IReadOnlyList<BillLineItem>? BillLineItems { get; init; }
    public string? PayFromChartOfAccountId { get; init; }
    /// <summary>PAID, UNPAID, PARTIAL, SCHEDULED or UNDEFINED (see <see cref="BillPaymentStatus"/>).</summary>
    public string? PaymentStatus { get; init; }
    public string? ApprovalStatus { get; init; }
    public string? PurchaseOrderNumber { get; init; }
    public BillClassifications? Classifications { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}
