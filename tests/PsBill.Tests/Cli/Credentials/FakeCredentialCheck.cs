using PsBill.Connector.Credentials;

namespace PsBill.Tests.Cli.Credentials;

/// <summary>A check that reads the stored secrets and compares them with what the far side would accept, standing in
/// for the PeopleSoft and BILL checks (which need those clients). Its failure message carries a secret on purpose:
/// the command must scrub it.</summary>
internal sealed class FakeCredentialCheck(ISecretStore store, string set, string name, string secretName, string acceptedValue) : ICredentialCheck
{
    public int Runs { get; private set; }

    public string Name => name;

    public string CredentialSet => set;

    public async Task<CredentialCheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        Runs++;
        var value = await store.GetAsync(secretName, cancellationToken);
        return value == acceptedValue
            ? CredentialCheckResult.Passed("accepted")
            : CredentialCheckResult.Failed($"rejected the value '{value}'");
    }
}
