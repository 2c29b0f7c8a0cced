using System.Net;

namespace PsBill.Connector.Bill;

/// <summary>
/// The one exception the BILL client throws for a failed call. It carries BILL's error code, the HTTP status
/// and BILL's message (never a session id, developer key or password), and the <see cref="Kind"/> that decides
/// what to do next. Filter with <c>catch (BillApiException ex) when (ex.Code == BillErrorCode.SessionInvalid)</c>
/// or <c>when (ex.IsOutcomeUnknown)</c>.
/// </summary>
public sealed class BillApiException : Exception
{
    public BillApiException(
        string message,
        BillErrorCode code,
        int status,
        BillFailureKind kind,
        string operation,
        IReadOnlyList<BillError>? errors = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Status = status;
        Kind = kind;
        Operation = operation;
        Errors = errors ?? [];
    }

    /// <summary>BILL's code (<c>BDC_xxxx</c>) or the connector's own (<c>PSBILL_xxx</c>) when BILL gave none.</summary>
    public BillErrorCode Code { get; }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int Status { get; }

    /// <summary>What the failure means: retry, re-login, wait, park or look up.</summary>
    public BillFailureKind Kind { get; }

    /// <summary>The call that failed, as <c>METHOD /v3/path</c> with ids in place (no query string, no secrets).</summary>
    public string Operation { get; }

    /// <summary>Every entry of BILL's error array (empty when there was no readable body).</summary>
    public IReadOnlyList<BillError> Errors { get; }

    /// <summary>True when a create was sent but its result is unknown: the object may exist in BILL.
    /// Look it up (a bill by vendor and invoice number, a vendor by name) before creating it again.</summary>
    public bool IsOutcomeUnknown => Kind == BillFailureKind.OutcomeUnknown;

    /// <summary>True when BILL refused the data itself (a retry would fail the same way).</summary>
    public bool IsRejection => Kind is BillFailureKind.Rejected or BillFailureKind.NotFound;

    /// <summary>The status as <see cref="HttpStatusCode"/>, or null when no response arrived.</summary>
    public HttpStatusCode? HttpStatus => Status == 0 ? null : (HttpStatusCode)Status;
}
