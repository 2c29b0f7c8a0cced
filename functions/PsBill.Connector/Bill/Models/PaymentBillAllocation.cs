namespace PsBill.Connector.Bill.Models;

/// <summary>The part of a payment applied to one bill.</summary>
public sealed record PaymentBillAllocation
{
    public string? Id { get; init; }
    public string? BillId { get; init; }
    public decimal? Amount { get; init; }
}
