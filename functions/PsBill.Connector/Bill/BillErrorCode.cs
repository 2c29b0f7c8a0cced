namespace PsBill.Connector.Bill;

/// <summary>
/// A BILL error code (<c>BDC_xxxx</c>), open-ended: BILL adds codes without notice, so this is a string-backed
/// value rather than an enum. Compare with the well-known values: <c>catch (BillApiException ex) when (ex.Code == BillErrorCode.SessionInvalid)</c>.
/// Codes starting <c>PSBILL_</c> are the connector's own, for conditions BILL never reports itself.
/// </summary>
public readonly struct BillErrorCode : IEquatable<BillErrorCode>
{
    private readonly string? _value;

    public BillErrorCode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>BDC_1109</c>: the session is invalid or expired (seen with HTTP 401). Log in again and retry once.</summary>
    public static BillErrorCode SessionInvalid { get; } = new("BDC_1109");
    /// <summary><c>BDC_1322</c>: more than 3 concurrent requests per developer key per organization.</summary>
    public static BillErrorCode TooManyConcurrentRequests { get; } = new("BDC_1322");
    /// <summary><c>BDC_1144</c>: more than the hourly request quota per developer key. Wait for the next hour.</summary>
    public static BillErrorCode HourlyQuotaExceeded { get; } = new("BDC_1144");
    /// <summary><c>BDC_1101</c>: wrong user name, password or organization.</summary>
    public static BillErrorCode InvalidCredentials { get; } = new("BDC_1101");
    /// <summary><c>BDC_1102</c>: unknown developer key.</summary>
    public static BillErrorCode InvalidDeveloperKey { get; } = new("BDC_1102");
    /// <summary><c>BDC_1121</c>: unsupported API (BILL's answer to an unknown path).</summary>
    public static BillErrorCode UnsupportedApi { get; } = new("BDC_1121");

    /// <summary>The connector's own: a create was sent but no answer came back (timeout, reset, 5xx). The object may exist.</summary>
    public static BillErrorCode OutcomeUnknown { get; } = new("PSBILL_OUTCOME_UNKNOWN");
    /// <summary>The connector's own: the call failed before BILL answered and nothing was sent (for example connection refused).</summary>
    public static BillErrorCode TransportFailure { get; } = new("PSBILL_TRANSPORT");
    /// <summary>The connector's own: BILL answered with an error that carried no readable code.</summary>
    public static BillErrorCode Unrecognized { get; } = new("PSBILL_UNRECOGNIZED");
    /// <summary>The connector's own: the local login budget per hour is spent (protects BILL's 200 logins per hour limit).</summary>
    public static BillErrorCode LoginBudgetExhausted { get; } = new("PSBILL_LOGIN_BUDGET");

    public override string ToString() => _value ?? "";
    public bool Equals(BillErrorCode other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);
    public override bool Equals(object? obj) => obj is BillErrorCode other && Equals(other);
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);
    public static bool operator ==(BillErrorCode left, BillErrorCode right) => left.Equals(right);
    public static bool operator !=(BillErrorCode left, BillErrorCode right) => !left.Equals(right);
    public static implicit operator BillErrorCode(string value) => new(value);
}
