using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PsBill.Tests.Infra;

/// <summary>infra/main.bicep compiles and lints clean (warnings count as failures, as in the C# build), and the
/// compiled template still has what the app relies on.</summary>
public sealed class MainBicepTests
{
    [Fact]
    public async Task Build_MainBicep_CompilesWithoutDiagnostics()
    {
        var (exitCode, output) = await BicepCli.RunAsync("build", "main.bicep", "--stdout");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(": Error ", output);
        Assert.DoesNotContain(": Warning ", output);
        using var template = JsonDocument.Parse(output);
        Assert.Contains("deploymentTemplate.json", template.RootElement.GetProperty("$schema").GetString());
        Assert.True(template.RootElement.GetProperty("outputs").TryGetProperty("vaultUri", out _), "main.bicep should output the vault address");
        Assert.True(template.RootElement.GetProperty("outputs").TryGetProperty("taskHubName", out _), "main.bicep should output the task hub (for Durable Functions Monitor)");
    }

    [Fact]
    public async Task Build_MainBicep_AlertsModuleUnlessDisabled_WithRulesOnFailuresLagAndHealth()
    {
        var (exitCode, output) = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, output);
        using var template = JsonDocument.Parse(output);
        var root = template.RootElement;

        foreach (var parameter in new[] { "enableAlerts", "alertEmails", "alertWebhookUrl", "maxLagMinutes" })
            Assert.True(root.GetProperty("parameters").TryGetProperty(parameter, out _), $"main.bicep should take {parameter}");
        Assert.Equal("securestring", root.GetProperty("parameters").GetProperty("alertWebhookUrl").GetProperty("type").GetString(), ignoreCase: true);
        var alerts = Assert.Single(root.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "psbill-alerts");
        Assert.Equal("[parameters('enableAlerts')]", alerts.GetProperty("condition").GetString());
        var inner = alerts.GetProperty("properties").GetProperty("template");
        var types = inner.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToList();
        Assert.Equal(3, types.Count(t => t == "Microsoft.Insights/scheduledQueryRules")); // failed items, parked growth, sync lag
        Assert.Contains("Microsoft.Insights/webtests", types); // GET /api/health
        Assert.Contains("Microsoft.Insights/metricAlerts", types);
        Assert.Contains("Microsoft.Insights/actionGroups", types);
        var rules = inner.GetRawText();
        Assert.Contains("psbill.records.failed", rules, StringComparison.Ordinal);
        Assert.Contains("psbill.poll", rules, StringComparison.Ordinal);
        Assert.Contains("/api/health", rules, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainBicep_HasNoErrorsOrWarnings()
    {
        var (exitCode, output) = await BicepCli.RunAsync("lint", "main.bicep");

        Assert.True(exitCode == 0, output);
        Assert.True(string.IsNullOrWhiteSpace(output), output);
    }

    [Fact]
    public async Task BuildParams_ExampleParameters_MatchTheTemplate()
    {
        var (exitCode, output) = await BicepCli.RunAsync("build-params", "main.example.bicepparam", "--stdout");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(": Error ", output);
    }

    [Theory]
    [InlineData("'FC1'", "Flex Consumption plan")]
    [InlineData("'functionapp,linux'", "Linux function app")]
    [InlineData("'SystemAssigned'", "system-assigned identity")]
    [InlineData("name: 'dotnet-isolated'", "isolated worker runtime")]
    [InlineData("version: '10.0'", ".NET 10 stack")]
    [InlineData("PsBill__TaskHub: taskHubName", "Durable task hub setting")]
    [InlineData("AzureWebJobsStorage__accountName", "storage through identity")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "Application Insights")]
    [InlineData("PsBill__Credentials__Store: 'KeyVault'", "Key Vault store setting")]
    [InlineData("PsBill__Credentials__VaultUri", "vault address setting")]
    [InlineData("enableRbacAuthorization: true", "Key Vault RBAC")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User role")]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner role")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor role")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor role")]
    [InlineData("allowSharedKeyAccess: false", "no storage account keys")]
    public void Sources_Infra_DeclareWhatTheAppNeeds(string expected, string because)
    {
        var sources = string.Join('\n', Directory.GetFiles(BicepCli.InfraFolder, "*.bicep", SearchOption.AllDirectories).Select(File.ReadAllText));

        Assert.True(sources.Contains(expected, StringComparison.Ordinal), $"infra/*.bicep should contain {expected} ({because}).");
    }

    [Fact]
    public void Sources_Infra_DeclareNoCustomHandler()
    {
        var sources = string.Join('\n', Directory.GetFiles(BicepCli.InfraFolder, "*.bicep", SearchOption.AllDirectories).Select(File.ReadAllText));

        Assert.DoesNotContain("name: 'custom'", sources, StringComparison.Ordinal);
        // Flex rejects these app settings: the runtime and its version are functionAppConfig's.
        Assert.DoesNotMatch(new Regex(@"^\s*(FUNCTIONS_WORKER_RUNTIME|FUNCTIONS_EXTENSION_VERSION)\s*:", RegexOptions.Multiline), sources);
    }

    [Fact]
    public void DeployScript_Package_IsThePublishedWorkerApp()
    {
        var script = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "deploy.sh"));

        Assert.Contains("dotnet publish \"$root/functions/PsBill.FunctionApp/PsBill.FunctionApp.csproj\" -c Release", script, StringComparison.Ordinal);
        Assert.Contains("config-zip", script, StringComparison.Ordinal);
        Assert.DoesNotContain("functions generate", script, StringComparison.Ordinal);
        Assert.DoesNotContain("warnaserror", script.Replace("No -warnaserror here", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void DeployScript_Syntax_IsValidBash()
    {
        var start = new ProcessStartInfo("bash", ["-n", Path.Combine(BicepCli.InfraFolder, "deploy.sh")]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, errors);
    }
}
