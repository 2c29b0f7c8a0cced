namespace PsBill.Cli.Cli.Credentials;

/// <summary>Reads one value per line from a reader (redirected stdin, or a test), without prompting: a script pipes
/// the values in their documented order.</summary>
public sealed class TextReaderSecretInput : ISecretInput
{
    private readonly TextReader _reader;

    /// <param name="reader">One value per line.</param>
    public TextReaderSecretInput(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <inheritdoc />
    public string? ReadSecret(string label) => _reader.ReadLine();
}
