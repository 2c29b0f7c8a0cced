namespace PsBill.Connector.Credentials;

/// <summary>The outcome of an <see cref="ICredentialCheck"/>: whether it worked and a plain sentence saying why
/// (never a secret value).</summary>
public sealed record CredentialCheckResult(bool Succeeded, string Message)
{
    /// <summary>A passed check.</summary>
    public static CredentialCheckResult Passed(string message) => new(true, message);

    /// <summary>A failed check.</summary>
    public static CredentialCheckResult Failed(string message) => new(false, message);
}
