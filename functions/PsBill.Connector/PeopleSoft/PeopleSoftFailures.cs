using System.Net;

namespace PsBill.Connector.PeopleSoft;

/// <summary>Turns a failed response into a <see cref="PeopleSoftException"/> with its kind: the one place where
/// failures are classified.</summary>
internal static class PeopleSoftFailures
{
    /// <summary>Classifies a non-success response (or a SOAP fault) of <paramref name="operation"/>.</summary>
    public static PeopleSoftException FromResponse(HttpStatusCode status, string? body, string operation, PeopleSoftCredential credential)
    {
        var code = (int)status;
        if (IbResponse.TryParse(body) is { } ib)
        {
            var text = credential.Mask(ib.Message);
            var parameters = ib.Parameters.Select(credential.Mask).ToList();
            if (ib.IsAuthenticationFailure)
            {
                return new PeopleSoftException(
                    $"PeopleSoft refused the operator's credentials for {operation}: \"{text}\". Check the secrets " +
                    "peoplesoft-oprid and peoplesoft-password, and that the user is not locked.",
                    PeopleSoftErrorKind.Authentication, ib.Code, code, ib.MessageSetId, ib.MessageId, text, parameters);
            }
            if (GatewayTrouble.Matches(ib))
            {
                // The listener's health, not an answer: a read retries it, a write becomes "outcome unknown" in the CI client.
                return new PeopleSoftException(
                    $"PeopleSoft's gateway could not complete {operation}: \"{text}\" [{ib.Code}] (HTTP {code}).",
                    PeopleSoftErrorKind.Transient, ib.Code, code, ib.MessageSetId, ib.MessageId, text, parameters);
            }
            var details = parameters.Count > 0 ? $" (parameters: {string.Join(", ", parameters)})" : "";
            return new PeopleSoftException(
                $"PeopleSoft rejected {operation}: \"{text}\" [{ib.Code}]{details}.",
                PeopleSoftErrorKind.Rejected, ib.Code, code, ib.MessageSetId, ib.MessageId, text, parameters);
        }

        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new PeopleSoftException(
                $"PeopleSoft refused the operator's credentials for {operation} (HTTP {code}). Check the secrets " +
                "peoplesoft-oprid and peoplesoft-password, and that the user's permission lists grant the service operation.",
                PeopleSoftErrorKind.Authentication, PeopleSoftErrorCode.Http(code), code),
            HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => new PeopleSoftException(
                $"PeopleSoft was unavailable for {operation} (HTTP {code}).",
                PeopleSoftErrorKind.Transient, PeopleSoftErrorCode.Http(code), code),
            _ => new PeopleSoftException(
                $"PeopleSoft answered {operation} with HTTP {code} and no IBResponse.",
                PeopleSoftErrorKind.Rejected, PeopleSoftErrorCode.Http(code), code),
        };
    }

    /// <summary>A write answered with a success status the connector cannot read: the component may have saved.</summary>
    public static PeopleSoftException UnreadableWriteAnswer(string operation, string reason) => new(
        $"PeopleSoft answered {operation} with HTTP 200 but {reason}. The outcome is unknown: look the record up in PeopleSoft before trying again.",
        PeopleSoftErrorKind.OutcomeUnknown, PeopleSoftErrorCode.BadResponse, 200);

    /// <summary>A response with a success status that is not the documented shape.</summary>
    public static PeopleSoftException BadResponse(string operation, string reason, Exception? inner = null) => new(
        $"PeopleSoft's response to {operation} could not be read: {reason}.",
        PeopleSoftErrorKind.Configuration, PeopleSoftErrorCode.BadResponse, innerException: inner);

    /// <summary>A call that failed without a response (timeout, connection).</summary>
    public static PeopleSoftException NoResponse(string operation, Exception inner, PeopleSoftErrorKind kind) => inner switch
    {
        Polly.Timeout.TimeoutRejectedException => new PeopleSoftException($"PeopleSoft did not answer {operation} in time.", kind, PeopleSoftErrorCode.Timeout, innerException: inner),
        IOException => new PeopleSoftException($"PeopleSoft's answer to {operation} broke off before its end: {inner.Message}", kind, PeopleSoftErrorCode.ConnectionFailed, innerException: inner),
        _ => new PeopleSoftException($"PeopleSoft could not be reached for {operation}: {inner.Message}", kind, PeopleSoftErrorCode.ConnectionFailed, innerException: inner),
    };
}
