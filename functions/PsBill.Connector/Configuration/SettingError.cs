namespace PsBill.Connector.Configuration;

/// <summary>One thing wrong with one app setting, e.g. <c>PsBill__Bill__BaseUrl</c> "is missing".</summary>
/// <param name="Setting">The app-setting name as an operator types it (double underscores, as in Azure and the environment).</param>
/// <param name="Problem">What is wrong, in plain words, without the value when it could be a secret.</param>
public sealed record SettingError(string Setting, string Problem)
{
    /// <summary>"Setting PsBill__Bill__BaseUrl is missing."</summary>
    public override string ToString() => $"Setting {Setting} {Problem}";
}
