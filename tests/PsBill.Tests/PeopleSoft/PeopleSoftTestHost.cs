using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PsBill.Connector.Credentials;
using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

/// <summary>
/// A simulated PeopleSoft and the connector's PeopleSoft client wired to it the way the app wires it
/// (<c>AddPeopleSoftClient</c>), with tiny retry delays so that backoff tests run in milliseconds.
/// </summary>
internal sealed class PeopleSoftTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PeopleSoftTestHost(PeopleSoftSimulator simulator, ServiceProvider services, FakeLogCollector logs)
    {
        Simulator = simulator;
        _services = services;
        Logs = logs;
    }

    public PeopleSoftSimulator Simulator { get; }
    public FakeLogCollector Logs { get; }
    public PeopleSoftReader Reader => _services.GetRequiredService<PeopleSoftReader>();
    public PeopleSoftWriter Writer => _services.GetRequiredService<PeopleSoftWriter>();
    public PeopleSoftQueryClient QueryClient => _services.GetRequiredService<PeopleSoftQueryClient>();
    public PeopleSoftComponentInterfaceClient CiClient => _services.GetRequiredService<PeopleSoftComponentInterfaceClient>();
    public IServiceProvider Services => _services;

    public static async Task<PeopleSoftTestHost> StartAsync(
        PeopleSoftGeneratorOptions? generator = null,
        Action<PeopleSoftClientOptions>? configure = null,
        string? password = null,
        PeopleSoftDataSet? data = null,
        PaymentCiShape? paymentShape = null,
        Action<PeopleSoftSimulatorOptions>? configureSimulator = null)
    {
        var simulatorOptions = new PeopleSoftSimulatorOptions
        {
            Generator = generator ?? new PeopleSoftGeneratorOptions { Suppliers = 30, Vouchers = 120 },
            Data = data,
            PaymentShape = paymentShape ?? PaymentCiShape.UpdateDataCollection,
        };
        configureSimulator?.Invoke(simulatorOptions);
        var simulator = await PeopleSoftSimulator.StartAsync(simulatorOptions);
        var services = new ServiceCollection();
        var logs = new FakeLogCollector();
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<ISecretStore>(new InMemorySecretStore(
        [
            new(SecretNames.PeopleSoftOperatorId, simulator.Options.OperatorId),
            new(SecretNames.PeopleSoftPassword, password ?? simulator.Options.Password),
        ]));
        services.AddPeopleSoftClient(options =>
        {
            options.BaseUrl = simulator.BaseUrl;
            options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
            configure?.Invoke(options);
        });
        return new PeopleSoftTestHost(simulator, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
