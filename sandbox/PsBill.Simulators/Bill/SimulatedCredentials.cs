namespace PsBill.Simulators.Bill;

/// <summary>A BILL user that may log in to the simulator, with the organization and developer key it logs in with.
/// Throwaway values: the simulator is only reachable on 127.0.0.1.</summary>
public sealed record SimulatedCredentials(string Username, string Password, string OrganizationId, string DeveloperKey)
{
    /// <summary>The credentials every simulator accepts unless told otherwise (organization ids start <c>008</c>).</summary>
    public static SimulatedCredentials Default { get; } = new("ap-sync@psbill.test", "sandbox-password", "00801PSBILLSANDBOX", "sandbox-dev-key");

    public override string ToString() => $"{Username} @ {OrganizationId}";
}
