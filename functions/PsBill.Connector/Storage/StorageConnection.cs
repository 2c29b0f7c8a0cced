using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage.Metering;

namespace PsBill.Connector.Storage;

/// <summary>
/// The storage account, read from the setting the Functions host itself uses: <c>AzureWebJobsStorage</c> as a
/// connection string (locally, Azurite, tests), or <c>AzureWebJobsStorage__accountName</c> for the app's managed
/// identity in Azure (<c>DefaultAzureCredential</c>; <c>AzureWebJobsStorage__clientId</c> picks a user-assigned identity).
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The app setting of the storage account.</summary>
    public const string Setting = "AzureWebJobsStorage";

    private StorageConnection(string? connectionString, string? accountName, string? clientId)
    {
        ConnectionString = connectionString;
        AccountName = accountName;
        ClientId = clientId;
    }

    /// <summary>The connection string, when one is configured.</summary>
    public string? ConnectionString { get; }

    /// <summary>The account name, when the identity is used.</summary>
    public string? AccountName { get; }

    /// <summary>The client id of a user-assigned identity, if any.</summary>
    public string? ClientId { get; }

    /// <summary>Builds the connection from a connection string (for tests and tools).</summary>
    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString, null, null);

    /// <summary>Reads and checks the storage settings.</summary>
    /// <exception cref="PsBillConfigurationException">Neither setting is present, or the value is an unresolved Key Vault reference or not a connection string.</exception>
    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[Setting];
        var accountName = configuration[$"{Setting}:accountName"];
        var clientId = configuration[$"{Setting}:clientId"];

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            if (KeyVaultReference.IsUnresolved(connectionString))
                throw Error(Setting, KeyVaultReference.Problem);
            if (!LooksLikeConnectionString(connectionString))
                throw Error(Setting, "is not a storage connection string (expected 'UseDevelopmentStorage=true' or 'DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...')");
            return new StorageConnection(connectionString, null, null);
        }

        if (!string.IsNullOrWhiteSpace(accountName))
        {
            if (KeyVaultReference.IsUnresolved(accountName))
                throw Error($"{Setting}__accountName", KeyVaultReference.Problem);
            return new StorageConnection(null, accountName, string.IsNullOrWhiteSpace(clientId) ? null : clientId);
        }

        throw Error(Setting, "is missing: set a storage connection string, or AzureWebJobsStorage__accountName to use the app's managed identity");
    }

    /// <summary>A table service client for this account; <paramref name="counter"/>, when given, counts its requests.</summary>
    public TableServiceClient CreateTableServiceClient(StorageOperationCounter? counter = null)
    {
        var options = new TableClientOptions();
        if (counter is not null) options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return ConnectionString is not null
            ? new TableServiceClient(ConnectionString, options)
            : new TableServiceClient(Endpoint("table"), Credential(), options);
    }

    /// <summary>A queue service client for this account. Messages are base64, as the Functions queue trigger expects by default.</summary>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return ConnectionString is not null
            ? new QueueServiceClient(ConnectionString, options)
            : new QueueServiceClient(Endpoint("queue"), Credential(), options);
    }

    /// <summary>A blob service client for this account.</summary>
    public BlobServiceClient CreateBlobServiceClient() => ConnectionString is not null
        ? new BlobServiceClient(ConnectionString)
        : new BlobServiceClient(Endpoint("blob"), Credential());

    private Uri Endpoint(string service) => new($"https://{AccountName}.{service}.core.windows.net");

    private TokenCredential Credential() => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });

    private static bool LooksLikeConnectionString(string value) =>
        value.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ||
        (value.Contains("AccountName=", StringComparison.OrdinalIgnoreCase) && value.Contains('=', StringComparison.Ordinal)) ||
        value.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase);

    private static PsBillConfigurationException Error(string setting, string problem) => new([new SettingError(setting, problem)]);
}
