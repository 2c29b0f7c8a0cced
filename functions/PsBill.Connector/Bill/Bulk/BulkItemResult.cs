namespace PsBill.Connector.Bill.Bulk;

/// <summary>The outcome for one record of a bulk create, at the record's position in the input.</summary>
public sealed record BulkItemResult<TRecord>(int Index, TRecord Record, BulkItemStatus Status, TRecord? Created, BillApiException? Error)
    where TRecord : class;
