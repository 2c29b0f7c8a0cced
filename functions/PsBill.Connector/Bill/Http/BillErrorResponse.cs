using System.Text.Json;

namespace PsBill.Connector.Bill.Http;

/// <summary>Reads BILL's error array and classifies the failure, once, for everyone.</summary>
internal static class BillErrorResponse
{
    public static BillApiException ToException(BillCall call, int status, byte[] body)
    {
        var errors = Parse(body);
        var first = errors.FirstOrDefault(e => !string.IsNullOrEmpty(e.Code));
        var code = first?.Code is { } c ? new BillErrorCode(c) : BillErrorCode.Unrecognized;
        var kind = Classify(call, status, code);
        var message = first?.Message ?? (errors.Count > 0 ? errors[0].Message : null) ?? "no error message";
        var consequence = kind == BillFailureKind.OutcomeUnknown
            ? " The object may have been created: look it up before creating it again."
            : "";
        return new BillApiException(
            $"BILL answered {call.Operation} with {status} {code}: {message}{consequence}",
            code, status, kind, call.Operation, errors);
    }

    public static BillFailureKind Classify(BillCall call, int status, BillErrorCode code)
    {
        if (code == BillErrorCode.TooManyConcurrentRequests || status == 429) return BillFailureKind.RateLimited;
        if (code == BillErrorCode.HourlyQuotaExceeded) return BillFailureKind.QuotaExceeded;
        if (code == BillErrorCode.InvalidCredentials || code == BillErrorCode.InvalidDeveloperKey) return BillFailureKind.Authentication;
        if (code == BillErrorCode.SessionInvalid || status == 401)
            return call.Kind == BillCallKind.Login ? BillFailureKind.Authentication : BillFailureKind.SessionExpired;
        if (status >= 500) return call.Kind == BillCallKind.Create ? BillFailureKind.OutcomeUnknown : BillFailureKind.Transient;
        if (status == 404) return BillFailureKind.NotFound;
        return BillFailureKind.Rejected;
    }

    private static IReadOnlyList<BillError> Parse(byte[] body)
    {
        if (body.Length == 0) return [];
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement.Deserialize<List<BillError>>(BillJson.Options) ?? [],
                JsonValueKind.Object => [document.RootElement.Deserialize<BillError>(BillJson.Options)!],
                _ => [],
            };
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
