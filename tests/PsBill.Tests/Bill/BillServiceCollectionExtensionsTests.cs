using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Credentials;

namespace PsBill.Tests.Bill;

/// <summary>The wiring: options bound from <c>PsBill:Bill</c>, validated, and the gate chosen.</summary>
public sealed class BillServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBillClient_FromConfiguration_BindsUrlsAndGateSettings()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["PsBill:Bill:BaseUrl"] = "https://gateway.stage.bill.com/connect",
            ["PsBill:Bill:EventsBaseUrl"] = "https://gateway.stage.bill.com/connect-events",
            ["PsBill:Bill:RateLimitMaxRetries"] = "4",
            ["PsBill:Bill:Gate:SlotCount"] = "2",
        });

        var options = services.GetRequiredService<IOptions<BillClientOptions>>().Value;
        var gate = services.GetRequiredService<IOptions<BillGateOptions>>().Value;

        Assert.Equal("https://gateway.stage.bill.com/connect", options.BaseUrl!.AbsoluteUri);
        Assert.Equal(4, options.RateLimitMaxRetries);
        Assert.Equal(2, gate.SlotCount);
        Assert.IsType<FlowSlotBillCallGate>(services.GetRequiredService<IBillCallGate>());
        Assert.NotNull(services.GetRequiredService<BillClient>());
    }

    [Fact]
    public void AddBillClient_WithoutBaseUrl_FailsNamingTheSetting()
    {
        using var services = Build(new Dictionary<string, string?> { ["PsBill:Bill:EventsBaseUrl"] = "https://gateway.stage.bill.com/connect-events" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BillClientOptions>>().Value);

        Assert.Contains("BaseUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBillClient_FourSlots_FailsBecauseBillAllowsThree()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["PsBill:Bill:BaseUrl"] = "https://gateway.stage.bill.com/connect",
            ["PsBill:Bill:EventsBaseUrl"] = "https://gateway.stage.bill.com/connect-events",
            ["PsBill:Bill:Gate:SlotCount"] = "4",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BillGateOptions>>().Value);

        Assert.Contains("SlotCount", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<ISecretStore>(new InMemorySecretStore())
            .AddBillClient(configuration)
            .BuildServiceProvider();
    }
}
