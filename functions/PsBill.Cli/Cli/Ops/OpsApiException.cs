namespace PsBill.Cli.Cli.Ops;

/// <summary>The host's ops API refused a CLI request (the message has its status and error).</summary>
internal sealed class OpsApiException(string message) : Exception(message);
