namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Recognises an IBResponse that reports the listener's own health rather than an answer of a query or component:
/// the application server not available, a refused connection or a timeout between the gateway and the application
/// server, a listening connector or Jolt error. PeopleSoft sends these as IBResponse documents with HTTP 500, exactly
/// like business faults, so only the message tells them apart. Reads retry them; for writes the outcome is unknown.
/// </summary>
internal static class GatewayTrouble
{
    // Lower-case fragments of the gateway's and listener's messages (PeopleTools 8.5x/8.6x wording and its variants).
    private static readonly string[] Fragments =
    [
        "application server",
        "app server",
        "connection refused",
        "could not connect",
        "unable to connect",
        "timed out",
        "timeout",
        "jolt",
        "tuxedo",
        "listening connector",
        "listener",
        "integration gateway",
        "gateway error",
        "service unavailable",
        "temporarily unavailable",
    ];

    /// <summary>True when the message (or one of its parameters) describes gateway or listener trouble.</summary>
    public static bool Matches(IbResponse response) =>
        Mentions(response.Message) || response.Parameters.Any(Mentions);

    private static bool Mentions(string text) =>
        Fragments.Any(fragment => text.Contains(fragment, StringComparison.OrdinalIgnoreCase));
}
