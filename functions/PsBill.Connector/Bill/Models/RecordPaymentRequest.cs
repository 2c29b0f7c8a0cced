namespace PsBill.Connector.Bill.Models;

/// <summary>The body of <c>POST /v3/bills/record-payment</c>: a payment made outside BILL, applied to one or more bills of one vendor.</summary>
public sealed record RecordPaymentRequest
{
    public required string VendorId { get; init; }
    public required DateOnly ProcessDate { get; init; }
    public required IReadOnlyList<RecordPaymentAllocation> Payments { get; init; }
    public bool? ToPrintCheck { get; init; }
    public string? Description { get; init; }
}
