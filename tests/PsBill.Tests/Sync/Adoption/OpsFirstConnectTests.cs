using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Security;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage.Ledger;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync.Adoption;

/// <summary>The ops API's first-connect part over real HTTP on the standalone host: the proposals an operator decides on, and
/// the preview of the next cycle.</summary>
public sealed class OpsFirstConnectTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Proposals_ListedAndConfirmedThroughTheOpsApi_TheSupplierAdoptsTheVendorAtOnce()
    {
        await using var world = await EndToEndWorldWithPreexisting.StartAsync(azurite);
        await world.RunCycleAsync();
        using var http = new HttpClient { BaseAddress = world.Host.BaseAddress };
        http.DefaultRequestHeaders.Add(AdminKeyVerifier.AdminKeyHeader, await world.Services.GetRequiredService<ISecretStore>().GetAsync(SecretNames.AdminKey));
        var (supplierKey, vendorId) = world.Preexisting.MisspelledVendors.OrderBy(m => m.Key, StringComparer.Ordinal).First();

        var proposals = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/proposals"))!.AsArray();
        var proposal = Assert.Single(proposals, p => (string)p!["supplierKey"]! == supplierKey)!;
        Assert.Equal("Pending", (string)proposal["status"]!);
        Assert.Contains(proposal["candidates"]!.AsArray(), c => (string)c!["vendorId"]! == vendorId);

        var preview = JsonNode.Parse(await http.GetStringAsync("/api/ops/api/preview"))!;
        Assert.NotNull(preview["totals"]);

        var confirmed = await http.PostAsJsonAsync("/api/ops/api/proposals/confirm", new { supplierKey, vendorId });
        confirmed.EnsureSuccessStatusCode();
        Assert.NotNull((string?)JsonNode.Parse(await confirmed.Content.ReadAsStringAsync())!["replay"]!["instanceId"]);
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var row = await world.Ledger().GetAsync(supplierKey);
        Assert.Equal(LedgerState.Done, row!.State);
        Assert.Equal(vendorId, row.RemoteId);
    }
}
