namespace PsBill.Simulators.Bill.Http;

/// <summary>
/// The error codes the simulator answers with. The first six are BILL's, from the facts sheet. BILL's own codes for
/// validation failures, unknown objects and server faults are not published there; the simulator uses the
/// placeholders below for them, so nothing in the connector may depend on their exact values (it decides on status).
/// </summary>
internal static class SimulatedErrorCodes
{
    public const string SessionInvalid = "BDC_1109";
    public const string TooManyConcurrent = "BDC_1322";
    public const string HourlyQuota = "BDC_1144";
    public const string InvalidCredentials = "BDC_1101";
    public const string InvalidDeveloperKey = "BDC_1102";
    public const string UnsupportedApi = "BDC_1121";

    /// <summary>Placeholder: a field is missing or invalid (HTTP 400).</summary>
    public const string InvalidField = "BDC_1000";
    /// <summary>Placeholder: the object does not exist (HTTP 404).</summary>
    public const string NotFound = "BDC_1001";
    /// <summary>Placeholder: an unexpected server error (HTTP 500).</summary>
    public const string ServerError = "BDC_1002";
}
