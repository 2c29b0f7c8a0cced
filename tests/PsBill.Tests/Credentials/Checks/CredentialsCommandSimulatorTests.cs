using System.CommandLine;
using PsBill.Connector.Credentials;
using PsBill.Cli.Cli.Credentials;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Credentials.Checks;

/// <summary><c>psbill credentials set</c> end to end: values on stdin, written to the store, checked against the simulators.</summary>
public sealed class CredentialsCommandSimulatorTests(SimulatorPairFixture simulators) : IClassFixture<SimulatorPairFixture>
{
    private readonly BillSimulator _bill = simulators.Bill;
    private readonly PeopleSoftSimulator _peopleSoft = simulators.PeopleSoft;

    private async Task<(int Exit, string Output)> RunAsync(ISecretStore store, string stdin, params string[] args)
    {
        await using var services = CredentialChecksTests.Services(_bill, _peopleSoft, store);
        var root = new RootCommand("psbill") { CredentialsCommand.Create(services, new TextReaderSecretInput(new StringReader(stdin))) };
        var output = new StringWriter();
        var exit = await root.Parse(["credentials", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public async Task SetBillThenPeopleSoft_SimulatorCredentials_StoredAndBothChecksPass()
    {
        var store = new InMemorySecretStore();
        var c = _bill.Credentials;

        var bill = await RunAsync(store, $"{c.Username}\n{c.Password}\n{c.OrganizationId}\n{c.DeveloperKey}\n", "set", "bill");
        var peopleSoft = await RunAsync(store, $"{_peopleSoft.Options.OperatorId}\n{_peopleSoft.Options.Password}\n", "set", "peoplesoft");

        Assert.True(bill.Exit == 0, bill.Output);
        Assert.Contains("OK   BILL login", bill.Output);
        Assert.True(peopleSoft.Exit == 0, peopleSoft.Output);
        Assert.Contains("OK   PeopleSoft call", peopleSoft.Output);
        Assert.DoesNotContain(c.Password, bill.Output + peopleSoft.Output);
        Assert.DoesNotContain(_peopleSoft.Options.Password, bill.Output + peopleSoft.Output);
    }

    [Fact]
    public async Task Check_WrongPeopleSoftPassword_Exit1NamingTheFailedCheck()
    {
        var store = new InMemorySecretStore(
        [
            new(SecretNames.PeopleSoftOperatorId, _peopleSoft.Options.OperatorId),
            new(SecretNames.PeopleSoftPassword, "not-the-password"),
        ]);

        var (exit, output) = await RunAsync(store, string.Empty, "check", "peoplesoft");

        Assert.Equal(1, exit);
        Assert.Contains("FAIL PeopleSoft call: PeopleSoft refused the OPRID or password", output);
        Assert.DoesNotContain("not-the-password", output);
    }
}
