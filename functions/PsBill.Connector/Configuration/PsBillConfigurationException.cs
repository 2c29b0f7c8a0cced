namespace PsBill.Connector.Configuration;

/// <summary>
/// The app's configuration is wrong. The message lists every problem, one per line, each naming the app
/// setting (<c>Setting AzureWebJobsStorage is missing ...</c>), so an operator can fix all of them in one go.
/// </summary>
public sealed class PsBillConfigurationException(IReadOnlyList<SettingError> errors)
    : Exception("PsBill configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SettingError> Errors { get; } = errors;
}
