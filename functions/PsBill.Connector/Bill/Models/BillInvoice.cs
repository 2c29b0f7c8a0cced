namespace PsBill.Connector.Bill.Models;

/// <summary>The vendor's invoice a bill records. Vendor id + invoice number is how the connector finds a bill again.</summary>
public sealed record BillInvoice
{
    public string? InvoiceNumber { get; init; }
    public DateOnly? InvoiceDate { get; init; }
}
