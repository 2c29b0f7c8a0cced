using System.Text.Json;
using System.Text.RegularExpressions;
using PsBill.Tests.Infra;

namespace PsBill.Tests.FunctionApp;

/// <summary>
/// Every app setting the Functions host resolves for the app (<c>%Name%</c> in functions.metadata and host.json: the timer
/// schedules, the task hub) is given a value locally (local.settings.sample.json) and in Azure (infra/main.bicep). A
/// missing one stops the host from indexing the function, or from starting Durable, only once deployed.
/// </summary>
public sealed partial class AppSettingsReferenceTests
{
    public static TheoryData<string> ReferencedSettings() => [.. Referenced()];

    [Fact]
    public void ReferencedSettings_TheScheduleAndTheTaskHub_AreAllThere()
    {
        Assert.Equal(
            ["PsBill:Schedules:CheckAlerts", "PsBill:Schedules:PollPayments", "PsBill:Schedules:PollSuppliers", "PsBill:Schedules:PollVouchers", "PsBill:Schedules:SyncReferenceData", "PsBill:TaskHub"],
            Referenced());
    }

    [Theory]
    [MemberData(nameof(ReferencedSettings))]
    public void LocalSettingsSample_ReferencedSetting_HasAValue(string setting)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");

        Assert.True(values.TryGetProperty(AppSettingName(setting), out var value), $"local.settings.sample.json should set {AppSettingName(setting)}");
        Assert.False(string.IsNullOrWhiteSpace(value.GetString()));
    }

    [Theory]
    [MemberData(nameof(ReferencedSettings))]
    public void MainBicep_ReferencedSetting_IsAnAppSetting(string setting)
    {
        var main = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.bicep"));

        Assert.Matches(new Regex($@"^\s*{Regex.Escape(AppSettingName(setting))}:\s*\S", RegexOptions.Multiline), main);
    }

    private static List<string> Referenced()
    {
        var text = File.ReadAllText(FunctionMetadata.PathInOutput) + File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "host.json"));
        return [.. SettingReference().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // App settings are environment variables: ':' cannot appear in their names, '__' stands for it.
    private static string AppSettingName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    [GeneratedRegex("%([A-Za-z0-9_:.]+)%")]
    private static partial Regex SettingReference();
}
