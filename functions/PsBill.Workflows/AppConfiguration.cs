using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace PsBill.Workflows;

/// <summary>
/// The configuration of the <c>psbill</c> executable: the environment (the Functions host passes app settings that
/// way), and for local runs the <c>Values</c> of <c>local.settings.json</c> in the working directory, which the
/// environment overrides. Names use <c>__</c> as the section separator, as in Azure.
/// </summary>
public static class AppConfiguration
{
    /// <summary>The file the Functions tools and <c>psbill run</c> read locally.</summary>
    public const string LocalSettingsFile = "local.settings.json";

    // Request-by-request framework logs drown the connector's own; any setting below overrides these.
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Azure"] = "Warning",
    };

    /// <summary>Builds the configuration from the working directory and the environment.</summary>
    public static IConfigurationRoot Build(string? directory = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(QuietDefaults);
        var local = Path.Combine(directory ?? Directory.GetCurrentDirectory(), LocalSettingsFile);
        if (File.Exists(local)) builder.AddInMemoryCollection(ReadValues(local));
        builder.AddEnvironmentVariables();
        return builder.Build();
    }

    /// <summary>The <c>Values</c> of a local.settings.json file, as configuration keys.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object) return [];
        return values.EnumerateObject()
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
            .ToList();
    }
}
