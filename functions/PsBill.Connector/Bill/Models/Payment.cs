namespace PsBill.Connector.Bill.Models;

/// <summary>
/// A BILL payment (ids start <c>stp</c>). One payment may cover several bills (<see cref="BillPayments"/>).
/// <see cref="SingleStatus"/> is the one status to settle on (see <see cref="PaymentSingleStatus"/>); treat values
/// not listed there as not final.
/// </summary>
public sealed record Payment
{
    public string? Id { get; init; }
    public string? VendorId { get; init; }
    public string? VendorName { get; init; }
    /// <summary>The bill, when the payment covers exactly one.</summary>
    public string? BillId { get; init; }
    public IReadOnlyList<PaymentBillAllocation>? BillPayments { get; init; }
    public string? Description { get; init; }
    public DateOnly? ProcessDate { get; init; }
    public decimal? Amount { get; init; }
    public string? Status { get; init; }
    public string? DisbursementStatus { get; init; }
    public string? SingleStatus { get; init; }
    public string? TransactionNumber { get; init; }
    public string? ConfirmationNumber { get; init; }
    public bool? OnlinePayment { get; init; }
    public IReadOnlyList<PaymentVoidInfo>? VoidInfo { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
}
