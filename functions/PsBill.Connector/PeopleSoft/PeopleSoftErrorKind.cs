namespace PsBill.Connector.PeopleSoft;

/// <summary>How a failed call is handled, decided once where the failure is read (see <see cref="PeopleSoftException"/>).</summary>
public enum PeopleSoftErrorKind
{
    /// <summary>PeopleSoft or its gateway was unavailable (500 without an IBResponse, 502, 503, 504, timeout,
    /// connection failure): retried with backoff; when the retries are spent, try again on the next run.</summary>
    Transient,

    /// <summary>The OPRID or password was refused (401, or the "User password failed" IBResponse): fix the
    /// credentials; retrying does not help and may lock the account.</summary>
    Authentication,

    /// <summary>PeopleSoft answered with an IBResponse error: a business rule of the component, a missing query,
    /// a bad prompt. Park the item with the message.</summary>
    Rejected,

    /// <summary>A write whose outcome is unknown (timeout or gateway error after the request was sent): look the
    /// payment or journal up in PeopleSoft before trying again, never just repeat it.</summary>
    OutcomeUnknown,

    /// <summary>The response could not be read, or the connector's configuration does not fit the customer's
    /// queries (e.g. more rows share one timestamp and key than <c>maxrows</c>).</summary>
    Configuration,
}
