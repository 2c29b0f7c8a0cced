using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Credentials;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Cli.Cli.PeopleSoft;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Cli.PeopleSoft;

/// <summary><c>psbill peoplesoft check</c> against the PeopleSoft simulator.</summary>
public sealed class PeopleSoftCommandTests
{
    [Fact]
    public async Task Check_SimulatorAsConfigured_PrintsOneOkLinePerQueryAndCiAndExitsZero()
    {
        await using var simulator = await PeopleSoftSimulator.StartAsync();

        var (exit, output) = await RunAsync(simulator);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length); // five queries, the payment and reversal CIs (RecordPayment mode)
        Assert.All(lines, line => Assert.StartsWith("OK", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_QueryMissingAColumn_NamesQueryAndColumnAndExitsOne()
    {
        await using var simulator = await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions
        {
            OmittedColumns = { [PeopleSoftSimulatorQueries.Suppliers] = ["EMAILID"] },
        });

        var (exit, output) = await RunAsync(simulator);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL query PSB_SUPPLIERS (Suppliers): does not return column EMAILID", output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(PeopleSoftSimulator simulator)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<ISecretStore>(new InMemorySecretStore(new Dictionary<string, string>
            {
                [SecretNames.PeopleSoftOperatorId] = simulator.Options.OperatorId,
                [SecretNames.PeopleSoftPassword] = simulator.Options.Password,
            }))
            .AddPeopleSoftClient(options => options.BaseUrl = simulator.BaseUrl);
        services.AddOptions<SettlementOptions>();
        await using var provider = services.BuildServiceProvider();
        var root = new RootCommand { PeopleSoftCommand.Create(() => provider) };
        var output = new StringWriter();
        var exit = await root.Parse(["peoplesoft", "check"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}
