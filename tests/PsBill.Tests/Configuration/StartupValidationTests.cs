using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Workflows;
using PsBill.Cli.Hosting.Standalone;

namespace PsBill.Tests.Configuration;

public sealed class StartupValidationTests
{
    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void ValidatePsBillConfiguration_SeveralBadSettings_ListsEveryOneByName()
    {
        var configuration = Settings(("PsBill:Storage:Prefix", "Bad_Prefix"), ("PsBill:Schedules:PollVouchers", "every 5 minutes"), ("PsBill:Work:MaxRetries", "-1"));
        using var provider = new ServiceCollection().AddLogging().AddPsBill(configuration).BuildServiceProvider();

        var ex = Assert.Throws<PsBillConfigurationException>(provider.ValidatePsBillConfiguration);

        var settings = ex.Errors.Select(e => e.Setting).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["AzureWebJobsStorage", "PsBill__Schedules__PollVouchers", "PsBill__Storage__Prefix", "PsBill__Work__MaxRetries"], settings);
        Assert.Contains("Setting PsBill__Schedules__PollVouchers is not an NCRONTAB schedule", ex.Message);
    }

    [Fact]
    public async Task StandaloneStart_StorageIsAnUnresolvedKeyVaultReference_FailsNamingTheSetting()
    {
        var configuration = Settings(("AzureWebJobsStorage", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/storage/)"), ("PsBill:Standalone:Url", "http://127.0.0.1:0"));
        await using var host = StandaloneHost.Create(configuration);

        var ex = await Assert.ThrowsAsync<PsBillConfigurationException>(() => host.StartAsync());

        var error = Assert.Single(ex.Errors);
        Assert.Equal("AzureWebJobsStorage", error.Setting);
        Assert.Contains("unresolved Key Vault reference", error.Problem);
    }

    [Fact]
    public void StandaloneCreate_UrlIsNotAUrl_FailsNamingTheSetting()
    {
        var configuration = Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("PsBill:Standalone:Url", "localhost-7071"));

        var ex = Assert.Throws<PsBillConfigurationException>(() => StandaloneHost.Create(configuration));

        Assert.Equal("PsBill__Standalone__Url", Assert.Single(ex.Errors).Setting);
        Assert.Contains("is not a URL", ex.Message);
    }
}
