using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Workflows;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Hosting;

/// <summary>The app's services on Azurite without a host, storage created.</summary>
internal static class TestServices
{
    public static async Task<ServiceProvider> CreateAsync(AzuriteFixture azurite, string? prefix = null, Action<IServiceCollection>? configure = null, IConfiguration? configuration = null)
    {
        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        services.AddPsBill(configuration ?? TestSettings.For(azurite, prefix ?? AzuriteFixture.UniquePrefix()));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync();
        return provider;
    }
}
