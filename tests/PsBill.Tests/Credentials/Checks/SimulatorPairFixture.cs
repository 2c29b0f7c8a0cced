using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Credentials.Checks;

/// <summary>A BILL simulator and a small PeopleSoft simulator on 127.0.0.1, shared by the tests of one class.</summary>
public sealed class SimulatorPairFixture : IAsyncLifetime
{
    public BillSimulator Bill { get; private set; } = null!;
    public PeopleSoftSimulator PeopleSoft { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bill = await BillSimulator.StartAsync();
        PeopleSoft = await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions
        {
            Generator = new PeopleSoftGeneratorOptions { Suppliers = 3, Vouchers = 3 },
        });
    }

    public async Task DisposeAsync()
    {
        await Bill.DisposeAsync();
        await PeopleSoft.DisposeAsync();
    }
}
