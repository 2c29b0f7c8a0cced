using PsBill.Workflows;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Cli.Hosting;

namespace PsBill.Cli.Cli.Settlements;

/// <summary>The services a settlement command runs with: the app's composition root plus settlement (added again
/// harmlessly when the root has it), configuration validated, storage created.</summary>
internal static class SettlementCommandServices
{
    /// <summary>Runs <paramref name="body"/> with the services; configuration errors become exit code 2.</summary>
    public static Task<int> RunAsync(Func<IServiceProvider, Task<int>> body) => CommandFailures.RunAsync(async () =>
    {
        var configuration = AppConfiguration.Build();
        var services = new ServiceCollection().AddLogging().AddPsBill(configuration).AddPsBillSettlement(configuration);
        await using var provider = services.BuildServiceProvider();
        provider.ValidatePsBillConfiguration();
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync().ConfigureAwait(false);
        return await body(provider).ConfigureAwait(false);
    });
}
