namespace PsBill.Connector.Bill.Bulk;

/// <summary>What happened to one record of a bulk create.</summary>
public enum BulkItemStatus
{
    /// <summary>BILL created it; <see cref="BulkItemResult{TRecord}.Created"/> holds BILL's record.</summary>
    Created,
    /// <summary>BILL refused this record on its own; <see cref="BulkItemResult{TRecord}.Error"/> holds BILL's error for it. Park it.</summary>
    Rejected,
    /// <summary>The call carrying it failed without a clear answer; it may exist in BILL. Look it up before trying again.</summary>
    OutcomeUnknown,
    /// <summary>The call carrying it failed for a reason that is not about this record (quota, credentials, outage after retries). Try later.</summary>
    NotSent,
}
