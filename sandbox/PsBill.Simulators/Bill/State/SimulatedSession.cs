namespace PsBill.Simulators.Bill.State;

/// <summary>A logged-in session; <see cref="LastActivity"/> moves with every call.</summary>
internal sealed class SimulatedSession(string id, SimulatedOrganization organization, SimulatedCredentials credentials, DateTimeOffset now)
{
    public string Id { get; } = id;
    public SimulatedOrganization Organization { get; } = organization;
    public SimulatedCredentials Credentials { get; } = credentials;
    public DateTimeOffset LastActivity { get; set; } = now;
}
