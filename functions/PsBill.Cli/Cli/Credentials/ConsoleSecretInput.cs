using System.Text;

namespace PsBill.Cli.Cli.Credentials;

/// <summary>Reads secrets from the terminal without echoing them (prompts go to stderr), or line by line from stdin
/// when it is redirected.</summary>
public sealed class ConsoleSecretInput : ISecretInput
{
    private readonly ISecretInput? _redirected = Console.IsInputRedirected ? new TextReaderSecretInput(Console.In) : null;

    /// <inheritdoc />
    public string? ReadSecret(string label)
    {
        if (_redirected is not null) return _redirected.ReadSecret(label);

        Console.Error.Write($"{label}: ");
        var value = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (value.Length > 0) value.Length--;
                continue;
            }

            if (!char.IsControl(key.KeyChar)) value.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return value.ToString();
    }
}
