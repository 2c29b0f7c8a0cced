namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The remote error code of a PeopleSoft failure as an open, string-backed value: the IBResponse message set and
/// number as PeopleSoft prints them (<c>158,45</c>), or a connector code for failures without an IBResponse
/// (<c>HTTP_503</c>, <c>TIMEOUT</c>). Compare with the known values: <c>catch (PeopleSoftException ex) when (ex.Code == PeopleSoftErrorCode.UserPasswordFailed)</c>.
/// </summary>
public readonly record struct PeopleSoftErrorCode(string Value)
{
    /// <summary>"User password failed. (158,45)".</summary>
    public static readonly PeopleSoftErrorCode UserPasswordFailed = new("158,45");

    /// <summary>"No rows exist for the specified keys. (91,50)": a Get or UpdateData on a key that is not there.</summary>
    public static readonly PeopleSoftErrorCode NoRowsForKeys = new("91,50");

    /// <summary>The call timed out.</summary>
    public static readonly PeopleSoftErrorCode Timeout = new("TIMEOUT");

    /// <summary>The connection failed.</summary>
    public static readonly PeopleSoftErrorCode ConnectionFailed = new("CONNECTION_FAILED");

    /// <summary>The response was not the documented shape.</summary>
    public static readonly PeopleSoftErrorCode BadResponse = new("BAD_RESPONSE");

    /// <summary>A full response could not be continued: one timestamp and key hold more rows than <c>maxrows</c>.</summary>
    public static readonly PeopleSoftErrorCode PageCannotAdvance = new("PAGE_CANNOT_ADVANCE");

    /// <summary>An HTTP status without an IBResponse, e.g. <c>HTTP_503</c>.</summary>
    public static PeopleSoftErrorCode Http(int status) => new($"HTTP_{status}");

    /// <summary>An IBResponse message set and number.</summary>
    public static PeopleSoftErrorCode Message(int messageSetId, int messageId) => new($"{messageSetId},{messageId}");

    /// <inheritdoc/>
    public override string ToString() => Value;
}
