namespace PsBill.Connector.Bill.Models;

/// <summary>A bill line. The GL account and department are BILL ids from the chart of accounts and department lists.</summary>
public sealed record BillLineItem
{
    /// <summary>Set by BILL; send it back on PATCH to edit this line.</summary>
    public string? Id { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? Price { get; init; }
    public string? Description { get; init; }
    public LineClassifications? Classifications { get; init; }
}
