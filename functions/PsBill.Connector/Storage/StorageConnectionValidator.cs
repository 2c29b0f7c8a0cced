using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PsBill.Connector.Configuration;

namespace PsBill.Connector.Storage;

/// <summary>Checks <c>AzureWebJobsStorage</c> together with the other start-up validations, so every configuration
/// problem shows in one message.</summary>
internal sealed class StorageConnectionValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        try
        {
            StorageConnection.FromConfiguration(configuration);
            return ValidateOptionsResult.Success;
        }
        catch (PsBillConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Errors.Select(e => e.ToString()));
        }
    }
}
