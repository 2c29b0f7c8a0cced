using Microsoft.Extensions.Configuration;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;

namespace PsBill.Tests.Configuration;

public sealed class StorageConnectionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void FromConfiguration_NothingSet_NamesAzureWebJobsStorageAsMissing()
    {
        var ex = Assert.Throws<PsBillConfigurationException>(() => StorageConnection.FromConfiguration(Settings()));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("AzureWebJobsStorage", error.Setting);
        Assert.StartsWith("is missing", error.Problem);
        Assert.Contains("Setting AzureWebJobsStorage is missing", ex.Message);
    }

    [Fact]
    public void FromConfiguration_UnresolvedKeyVaultReference_SaysSo()
    {
        var ex = Assert.Throws<PsBillConfigurationException>(() => StorageConnection.FromConfiguration(
            Settings(("AzureWebJobsStorage", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/storage/)"))));

        Assert.Contains("unresolved Key Vault reference", Assert.Single(ex.Errors).Problem);
    }

    [Fact]
    public void FromConfiguration_Garbage_SaysNotAConnectionString()
    {
        var ex = Assert.Throws<PsBillConfigurationException>(() => StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage", "hello"))));

        Assert.StartsWith("is not a storage connection string", Assert.Single(ex.Errors).Problem);
    }

    [Fact]
    public void FromConfiguration_AccountNameForIdentity_UsesHttpsEndpoints()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage:accountName", "psbillprod"), ("AzureWebJobsStorage:clientId", "abc")));

        Assert.Null(connection.ConnectionString);
        Assert.Equal("psbillprod", connection.AccountName);
        Assert.Equal("abc", connection.ClientId);
        Assert.Equal(new Uri("https://psbillprod.table.core.windows.net/"), connection.CreateTableServiceClient().Uri);
        Assert.Equal(new Uri("https://psbillprod.queue.core.windows.net/"), connection.CreateQueueServiceClient().Uri);
    }
}
