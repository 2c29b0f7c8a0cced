namespace PsBill.Simulators.PeopleSoft;

/// <summary>One failure the fault injector chose for a call.</summary>
/// <param name="Status">The HTTP status to answer.</param>
/// <param name="GatewayMessage">When set, the answer is an IBResponse with this text (the gateway reporting the
/// application server's trouble) instead of a load balancer's HTML page.</param>
/// <param name="AfterWork">True when the component runs first and only its answer is lost (the gateway timed out
/// waiting for the application server): the write happened, the caller cannot know.</param>
/// <param name="CutOff">True when the answer starts as it should (200, its full length announced) and the connection drops
/// halfway through its body (a load balancer or network giving way mid-transfer).</param>
internal sealed record InjectedFault(int Status, string? GatewayMessage, bool AfterWork, bool CutOff = false);
