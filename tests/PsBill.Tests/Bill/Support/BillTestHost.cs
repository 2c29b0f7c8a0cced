using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Credentials;
using PsBill.Simulators.Bill;

namespace PsBill.Tests.Bill.Support;

/// <summary>One connector "host" wired the way the app wires it (<c>AddBillClient</c>), pointed at a simulator, with the
/// simulator's credentials in an in-memory secret store and short backoffs so tests stay fast.</summary>
internal sealed class BillTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BillTestHost(ServiceProvider services) => _services = services;

    public BillClient Client => _services.GetRequiredService<BillClient>();
    public BulkSplitter Bulk => _services.GetRequiredService<BulkSplitter>();
    public ISecretStore Secrets => _services.GetRequiredService<ISecretStore>();
    public IBillCallGate Gate => _services.GetRequiredService<IBillCallGate>();

    public static BillTestHost Create(
        BillSimulator simulator,
        TimeProvider? time = null,
        Action<BillClientOptions>? configure = null,
        Action<BillGateOptions>? configureGate = null)
    {
        var services = new ServiceCollection();
        var credentials = simulator.Credentials;
        services.AddSingleton<ISecretStore>(new InMemorySecretStore(new Dictionary<string, string>
        {
            [SecretNames.BillUsername] = credentials.Username,
            [SecretNames.BillPassword] = credentials.Password,
            [SecretNames.BillOrganizationId] = credentials.OrganizationId,
            [SecretNames.BillDeveloperKey] = credentials.DeveloperKey,
        }));
        if (time is not null) services.AddSingleton(time);
        services.AddBillClient(options =>
        {
            options.BaseUrl = simulator.BaseUrl;
            options.EventsBaseUrl = simulator.EventsBaseUrl;
            options.RequestTimeout = TimeSpan.FromSeconds(10);
            options.RateLimitBaseDelay = TimeSpan.FromMilliseconds(5);
            options.TransientBaseDelay = TimeSpan.FromMilliseconds(5);
            options.HourlyQuotaMargin = TimeSpan.FromSeconds(1);
            configure?.Invoke(options);
        }, configureGate);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new BillTestHost(provider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
