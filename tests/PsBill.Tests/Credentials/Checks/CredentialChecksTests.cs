using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill;
using PsBill.Connector.Credentials;
using PsBill.Connector.Credentials.Checks;
using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Credentials.Checks;

/// <summary>The two remote checks against the BILL and PeopleSoft simulators over real HTTP on 127.0.0.1.</summary>
public sealed class CredentialChecksTests(SimulatorPairFixture simulators) : IClassFixture<SimulatorPairFixture>
{
    private readonly BillSimulator _bill = simulators.Bill;
    private readonly PeopleSoftSimulator _peopleSoft = simulators.PeopleSoft;

    /// <summary>The app's wiring for the checks, with the given secrets.</summary>
    internal static ServiceProvider Services(BillSimulator bill, PeopleSoftSimulator peopleSoft, ISecretStore store)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(store);
        services.AddBillClient(options =>
        {
            options.BaseUrl = bill.BaseUrl;
            options.EventsBaseUrl = bill.EventsBaseUrl;
            options.TransientBaseDelay = TimeSpan.FromMilliseconds(5);
            options.RateLimitBaseDelay = TimeSpan.FromMilliseconds(5);
        });
        services.AddPeopleSoftClient(options =>
        {
            options.BaseUrl = peopleSoft.BaseUrl;
            options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        });
        services.AddPsBillCredentialChecks();
        return services.BuildServiceProvider();
    }

    private InMemorySecretStore Store(string? billPassword = null, string? peopleSoftPassword = null) => new(
    [
        new(SecretNames.BillUsername, _bill.Credentials.Username),
        new(SecretNames.BillPassword, billPassword ?? _bill.Credentials.Password),
        new(SecretNames.BillOrganizationId, _bill.Credentials.OrganizationId),
        new(SecretNames.BillDeveloperKey, _bill.Credentials.DeveloperKey),
        new(SecretNames.PeopleSoftOperatorId, _peopleSoft.Options.OperatorId),
        new(SecretNames.PeopleSoftPassword, peopleSoftPassword ?? _peopleSoft.Options.Password),
    ]);

    private static ICredentialCheck Check(ServiceProvider services, string set) =>
        set == CredentialSets.PeopleSoft
            ? services.GetServices<ICredentialCheck>().OfType<PeopleSoftAccessCheck>().Single()
            : services.GetServices<ICredentialCheck>().Single(c => c.CredentialSet == set);

    [Fact]
    public async Task BillLoginCheck_StoredCredentialsRight_Passes()
    {
        await using var services = Services(_bill, _peopleSoft, Store());

        var result = await Check(services, CredentialSets.Bill).CheckAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("BILL accepted the login", result.Message);
    }

    [Fact]
    public async Task BillLoginCheck_WrongPassword_FailsSayingWhatToCheck()
    {
        await using var services = Services(_bill, _peopleSoft, Store(billPassword: "wrong-bill-password"));

        var result = await Check(services, CredentialSets.Bill).CheckAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("BILL refused the login", result.Message);
        Assert.DoesNotContain("wrong-bill-password", result.Message);
    }

    [Fact]
    public async Task PeopleSoftAccessCheck_StoredCredentialsRight_Passes()
    {
        await using var services = Services(_bill, _peopleSoft, Store());

        var result = await Check(services, CredentialSets.PeopleSoft).CheckAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("PeopleSoft accepted the OPRID", result.Message);
    }

    [Fact]
    public async Task PeopleSoftAccessCheck_WrongPassword_FailsSayingWhatToCheck()
    {
        await using var services = Services(_bill, _peopleSoft, Store(peopleSoftPassword: "wrong-ps-password"));

        var result = await Check(services, CredentialSets.PeopleSoft).CheckAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("PeopleSoft refused the OPRID or password", result.Message);
        Assert.DoesNotContain("wrong-ps-password", result.Message);
    }

    [Fact]
    public async Task PeopleSoftPreflightCheck_SimulatorAsConfigured_PassesForEveryQueryAndCi()
    {
        await using var services = Services(_bill, _peopleSoft, Store());

        var result = await services.GetServices<ICredentialCheck>().OfType<PeopleSoftPreflightCheck>().Single().CheckAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("all 7 answered as configured", result.Message);
    }
}
