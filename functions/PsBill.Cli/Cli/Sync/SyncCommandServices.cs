using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Workflows;

namespace PsBill.Cli.Cli.Sync;

/// <summary>The services a sync or vendors command runs with: the app's composition root, configuration validated. Storage is
/// not provisioned (the preview must not create anything; the tables exist once the app has run).</summary>
internal static class SyncCommandServices
{
    /// <summary>Runs <paramref name="body"/> with the services in a scope; configuration errors become exit code 2.</summary>
    public static Task<int> RunAsync(Func<IServiceProvider, Task<int>> body) => CommandFailures.RunAsync(async () =>
    {
        var configuration = AppConfiguration.Build();
        await using var provider = new ServiceCollection().AddLogging().AddPsBill(configuration).BuildServiceProvider();
        provider.ValidatePsBillConfiguration();
        await using var scope = provider.CreateAsyncScope();
        return await body(scope.ServiceProvider).ConfigureAwait(false);
    });
}
