namespace PsBill.Connector.Credentials;

/// <summary>Proves that a stored credential set works by using it once (a PeopleSoft call with the OPRID, a BILL login).
/// <c>psbill credentials set</c> runs the checks of the set it wrote; <c>psbill credentials check</c> runs them all.</summary>
public interface ICredentialCheck
{
    /// <summary>What is checked, shown to the operator, e.g. <c>BILL login</c>.</summary>
    string Name { get; }

    /// <summary>The credential set this check uses: <c>peoplesoft</c>, <c>bill</c>, <c>webhook</c> or <c>admin</c>
    /// (see <see cref="CredentialSets"/>).</summary>
    string CredentialSet { get; }

    /// <summary>Runs the check. A failure is a result, not an exception; its message must not contain a secret.</summary>
    Task<CredentialCheckResult> CheckAsync(CancellationToken cancellationToken = default);
}
