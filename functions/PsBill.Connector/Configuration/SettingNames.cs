namespace PsBill.Connector.Configuration;

/// <summary>Converts configuration paths (<c>PsBill:Bill:BaseUrl</c>) to the app-setting names operators see
/// in Azure, in <c>local.settings.json</c> and in the environment (<c>PsBill__Bill__BaseUrl</c>).</summary>
public static class SettingNames
{
    /// <summary>The root configuration section of every PsBill option.</summary>
    public const string Root = "PsBill";

    /// <summary><c>PsBill:Bill:BaseUrl</c> -> <c>PsBill__Bill__BaseUrl</c>.</summary>
    public static string ToAppSetting(string configurationPath) => configurationPath.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The configuration path of a PsBill section: <c>Bill</c> -> <c>PsBill:Bill</c>.</summary>
    public static string Section(string component) => $"{Root}:{component}";
}
