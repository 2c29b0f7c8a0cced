namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>The bill as BILL holds it now (read live when the record is opened).</summary>
/// <param name="Id">BILL's bill id.</param>
/// <param name="InvoiceNumber">The invoice number.</param>
/// <param name="InvoiceDate">The invoice date.</param>
/// <param name="DueDate">The due date.</param>
/// <param name="Amount">The bill's amount.</param>
/// <param name="PaidAmount">How much BILL has paid.</param>
/// <param name="DueAmount">How much is still due.</param>
/// <param name="PaymentStatus">BILL's payment status.</param>
/// <param name="ApprovalStatus">BILL's approval status.</param>
/// <param name="Archived">True when archived.</param>
/// <param name="VendorId">BILL's vendor id.</param>
/// <param name="VendorName">The vendor's name.</param>
/// <param name="Lines">The lines.</param>
public sealed record BillView(
    string? Id,
    string? InvoiceNumber,
    DateOnly? InvoiceDate,
    DateOnly? DueDate,
    decimal? Amount,
    decimal? PaidAmount,
    decimal? DueAmount,
    string? PaymentStatus,
    string? ApprovalStatus,
    bool? Archived,
    string? VendorId,
    string? VendorName,
    IReadOnlyList<BillLineView> Lines);
