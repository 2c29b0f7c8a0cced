namespace PsBill.Cli.Cli.Credentials;

/// <summary>Where <c>psbill credentials set</c> reads secret values from.</summary>
public interface ISecretInput
{
    /// <summary>Reads one value; null when the input has ended.</summary>
    /// <param name="label">What is asked for, e.g. <c>BILL password</c> (shown as a prompt when interactive).</param>
    string? ReadSecret(string label);
}
