namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// A call to PeopleSoft failed. Carries the HTTP status, the IBResponse message id, text and parameters when
/// PeopleSoft sent one, and the <see cref="Kind"/> that decides retry, re-login or park.
/// Never carries the OPRID or password: they are masked out of the text and parameters.
/// </summary>
public sealed class PeopleSoftException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> is the full, plain-language explanation.</summary>
    public PeopleSoftException(
        string message,
        PeopleSoftErrorKind kind,
        PeopleSoftErrorCode code,
        int? statusCode = null,
        int? messageSetId = null,
        int? messageId = null,
        string? messageText = null,
        IReadOnlyList<string>? messageParameters = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Code = code;
        StatusCode = statusCode;
        MessageSetId = messageSetId;
        MessageId = messageId;
        MessageText = messageText;
        MessageParameters = messageParameters ?? [];
    }

    /// <summary>How to handle it: retry, fix credentials, park, confirm first.</summary>
    public PeopleSoftErrorKind Kind { get; }

    /// <summary>The remote error code (<c>158,45</c>) or the connector's (<c>HTTP_503</c>).</summary>
    public PeopleSoftErrorCode Code { get; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>IBResponse <c>MessageSetID</c>, when sent.</summary>
    public int? MessageSetId { get; }

    /// <summary>IBResponse <c>MessageID</c>, when sent.</summary>
    public int? MessageId { get; }

    /// <summary>IBResponse <c>DefaultMessage</c>, when sent.</summary>
    public string? MessageText { get; }

    /// <summary>IBResponse <c>MessageParameters</c>, in order.</summary>
    public IReadOnlyList<string> MessageParameters { get; }

    /// <summary>True when a later attempt may succeed without anyone changing anything.</summary>
    public bool IsTransient => Kind == PeopleSoftErrorKind.Transient;
}
