using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PsBill.Connector.Bill;
using PsBill.Connector.Credentials;
using PsBill.Connector.Diagnostics;
using PsBill.Connector.PeopleSoft;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.Diagnostics;

/// <summary>The real BILL and PeopleSoft clients against their simulators with <c>AddPsBillHttpLogging</c> at the most
/// talkative level (headers and bodies): every call is logged, and no stored secret is in any line.</summary>
public sealed class ClientHttpLoggingTests
{
    [Fact]
    public async Task AddPsBillHttpLogging_BillAndPeopleSoftCalls_LoggedWithoutAnyStoredSecret()
    {
        await using var bill = await BillSimulator.StartAsync();
        await using var peopleSoft = await PeopleSoftSimulator.StartAsync(new PeopleSoftSimulatorOptions
        {
            Generator = new PeopleSoftGeneratorOptions { Suppliers = 3, Vouchers = 3 },
        });
        var store = new InMemorySecretStore(
        [
            new(SecretNames.BillUsername, bill.Credentials.Username),
            new(SecretNames.BillPassword, bill.Credentials.Password),
            new(SecretNames.BillOrganizationId, bill.Credentials.OrganizationId),
            new(SecretNames.BillDeveloperKey, bill.Credentials.DeveloperKey),
            new(SecretNames.PeopleSoftOperatorId, peopleSoft.Options.OperatorId),
            new(SecretNames.PeopleSoftPassword, peopleSoft.Options.Password),
        ]);
        var logs = new FakeLogCollector();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<ISecretStore>(store);
        services.AddBillClient(o => { o.BaseUrl = bill.BaseUrl; o.EventsBaseUrl = bill.EventsBaseUrl; });
        services.AddPeopleSoftClient(o => o.BaseUrl = peopleSoft.BaseUrl);
        services.AddPsBillHttpLogging(o => o.LogBodies = true);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<BillClient>().GetSessionDetailsAsync();
        await foreach (var _ in provider.GetRequiredService<PeopleSoftReader>().ReadGlAccountsAsync()) break;

        var http = logs.GetSnapshot().Where(r => r.Category?.StartsWith("PsBill.Http.", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(http, r => r.Category == "PsBill.Http.PsBill.Bill" && r.Message.Contains("/v3/login answered 200", StringComparison.Ordinal));
        Assert.Contains(http, r => r.Category!.Contains("PeopleSoftQueryClient", StringComparison.Ordinal) && r.Message.Contains("ExecuteQuery.v1", StringComparison.Ordinal));
        Assert.Contains(http, r => r.Level == LogLevel.Trace && r.Message.Contains("\"password\":\"***\"", StringComparison.Ordinal));
        Assert.Contains(http, r => r.Message.Contains("Authorization: Basic ***", StringComparison.Ordinal));
        var scrubber = await SecretScrubber.FromStoreAsync(store);
        // Only the HTTP lines: what other components log is the whole-sandbox test's business.
        var leaks = http
            .Select(r => (Record: r, Secrets: scrubber.FindSecrets(r.Message + " " + r.Exception)))
            .Where(x => x.Secrets.Count > 0)
            .Select(x => $"{x.Record.Category} [{string.Join(", ", x.Secrets)}]: {scrubber.Scrub(x.Record.Message)}")
            .ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }
}
