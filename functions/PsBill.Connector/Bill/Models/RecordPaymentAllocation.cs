namespace PsBill.Connector.Bill.Models;

/// <summary>The amount of a recorded payment applied to one bill.</summary>
public sealed record RecordPaymentAllocation
{
    public required string BillId { get; init; }
    public required decimal Amount { get; init; }
}
