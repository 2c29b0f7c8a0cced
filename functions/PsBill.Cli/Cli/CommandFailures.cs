using PsBill.Connector.Configuration;

namespace PsBill.Cli.Cli;

/// <summary>How commands report a failure: the message on stderr, an exit code, no stack trace for known problems.</summary>
internal static class CommandFailures
{
    /// <summary>Exit code for a configuration error.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Runs a command body, turning configuration errors into their message and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (PsBillConfigurationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ConfigurationError;
        }
    }
}
