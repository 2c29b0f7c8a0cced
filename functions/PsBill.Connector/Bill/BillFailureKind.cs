namespace PsBill.Connector.Bill;

/// <summary>What a failed BILL call means for the caller; decided once, in <see cref="BillApiException"/>.</summary>
public enum BillFailureKind
{
    /// <summary>A 4xx that retrying will not fix: bad or missing data, unknown id. Park the item with BILL's message.</summary>
    Rejected,
    /// <summary>The object does not exist (HTTP 404).</summary>
    NotFound,
    /// <summary>Session expired (401 / <c>BDC_1109</c>): the client logs in again and retries once by itself.</summary>
    SessionExpired,
    /// <summary>Credentials or developer key refused: an operator must fix the secrets.</summary>
    Authentication,
    /// <summary><c>BDC_1322</c>: too many concurrent calls; retried with exponential backoff.</summary>
    RateLimited,
    /// <summary><c>BDC_1144</c>: hourly quota spent; retried at the next hour.</summary>
    QuotaExceeded,
    /// <summary>5xx, timeout or network failure on a call that is safe to repeat; retried with backoff.</summary>
    Transient,
    /// <summary>A create that may or may not have happened: look the object up before trying again.</summary>
    OutcomeUnknown,
}
