namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// How a PeopleSoft setting is cleared: an empty value, or the word <c>none</c>. Both mean "no value" wherever a setting's
/// default can be switched off (after-key prompts, the changed-since prompt, a CI's payment collection, its root,
/// namespace and response root). The word exists because some hosts drop app settings whose value is empty (the Azure
/// portal, the Functions tools), and then the default would silently come back.
/// </summary>
public static class PeopleSoftSettingValue
{
    /// <summary>The word that clears a setting.</summary>
    public const string None = "none";

    /// <summary>The value, or "" when it is empty, blank or <c>none</c>.</summary>
    public static string OrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Equals(None, StringComparison.OrdinalIgnoreCase) ? "" : value.Trim();
}
