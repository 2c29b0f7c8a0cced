using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync;
using PsBill.Sandbox.World;
using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Functions.Console;

/// <summary>The console API against a sandbox world after one full cycle: overview, attention, find, record, runs.</summary>
public sealed class ConsoleApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Console_AfterACycleAndAPayment_AnswersWhatHappenedAndWhatNeedsTheOperator()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 60);
        await world.RunCycleAsync();
        using var ops = OpsHttp.For(world);
        var data = world.PeopleSoft.Data;

        // Overview: attention first, each flow, today's counts.
        var overview = await ops.GetAsync("overview");
        var sendable = world.SendableVouchers().Count;
        Assert.Equal(sendable, (int)overview["today"]!["billsCreated"]!);
        Assert.True((int)overview["needsAttention"]! >= data.VouchersOnAccountsMissingFromBill.Count + data.MalformedVouchers.Count);
        Assert.Equal(4, overview["flows"]!.AsArray().Count);
        var pollVouchers = overview["flows"]!.AsArray().Single(f => (string)f!["flow"]! == "PollVouchers")!;
        Assert.NotNull((string?)pollVouchers["lastSuccessAt"]);
        Assert.False((bool)pollVouchers["running"]!);

        // Attention: grouped by cause with what to do, paged to the end without a cap.
        var groups = (await ops.GetAsync("attention")).AsArray();
        var mapping = groups.Single(g => (string)g!["cause"]! == "mapping")!;
        Assert.Equal(data.VouchersOnAccountsMissingFromBill.Count, (int)mapping["count"]!);
        Assert.Contains("Sync reference data now", (string)mapping["whatToDo"]!, StringComparison.Ordinal);
        Assert.Contains("comes back by itself", (string)groups.Single(g => (string)g!["cause"]! == "data")!["whatToDo"]!, StringComparison.Ordinal);
        var mappingItems = await ops.AllPagesAsync("attention/mapping", pageSize: 1);
        Assert.Equal(data.VouchersOnAccountsMissingFromBill.Order(StringComparer.Ordinal), mappingItems.Select(i => (string)i["key"]!).Order(StringComparer.Ordinal));
        var dataItems = await ops.AllPagesAsync("attention/data", pageSize: 2);
        Assert.All(data.MalformedVouchers, m => Assert.Contains(dataItems, i => (string)i["key"]! == m.Key));
        var parked = await ops.AllPagesAsync("parked/page", pageSize: 3);
        Assert.Equal(groups.Where(g => (string)g!["cause"]! != "failed").Sum(g => (int)g!["count"]!), parked.Count);

        // BILL pays one bill; the payment poll posts it to PeopleSoft.
        var voucher = world.SendableVouchers()[0];
        var billId = (await world.Ledger().GetAsync(voucher.Key))!.RemoteId!;
        var payment = await world.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new(billId)] });
        await world.InvokeTimerAsync("PollPayments");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        // Find: by voucher id, invoice number, BILL bill id, BILL payment id.
        Assert.Contains(await FindAsync(ops, voucher.VoucherId), m => (string)m!["key"]! == voucher.Key);
        Assert.Contains(await FindAsync(ops, voucher.InvoiceId), m => (string)m!["key"]! == voucher.Key && (string)m["matchedOn"]! == "invoice number");
        Assert.Equal(voucher.Key, (string)(await FindAsync(ops, billId)).Single()!["key"]!);
        var paymentKey = (string)(await FindAsync(ops, payment.Id)).Single()!["key"]!;
        Assert.StartsWith("payment:" + payment.Id + ":", paymentKey, StringComparison.Ordinal);

        // The record: the voucher, its bill read from BILL, its payment, the trail across both keys.
        var record = await ops.GetAsync("records/" + Uri.EscapeDataString(voucher.Key));
        Assert.Equal("done", (string)record["ledger"]!["state"]!);
        Assert.Equal(billId, (string)record["bill"]!["id"]!);
        Assert.Equal(voucher.InvoiceId, (string)record["bill"]!["invoiceNumber"]!);
        Assert.NotEmpty(record["bill"]!["lines"]!.AsArray());
        Assert.All(record["bill"]!["lines"]!.AsArray(), l => Assert.Contains(':', (string)l!["account"]!));
        var posted = Assert.Single(record["payments"]!.AsArray())!;
        Assert.Equal("done", (string)posted["state"]!);
        Assert.Equal(voucher.GrossAmount, (decimal)posted["amount"]!);
        Assert.NotNull(record["source"]);
        var trailKeys = record["trail"]!.AsArray().Select(t => (string)t!["key"]!).ToHashSet();
        Assert.Contains(voucher.Key, trailKeys);
        Assert.Contains(paymentKey, trailKeys);
        Assert.Equal(voucher.Key, (string)(await ops.GetAsync("records/" + Uri.EscapeDataString(paymentKey)))["related"]![0]!);
        Assert.Equal(1, (int)(await ops.GetAsync("overview"))["today"]!["paymentsPosted"]!);

        // Runs are orchestration instances: filtered by flow, with a timeline from the history.
        var runs = await ops.GetAsync("orchestrations?flow=PollVouchers&status=Completed");
        var run = Assert.Single(runs["items"]!.AsArray())!;
        Assert.Equal("PollVouchersFlow", (string)run["name"]!);
        var timeline = await ops.GetAsync("orchestrations/PollVouchers/timeline");
        Assert.Contains(timeline["timeline"]!.AsArray(), r => (string)r!["name"]! == "RunFlowStep" && (string)r["outcome"]! == "ok" && r["durationMs"] is not null);

        // Fix the mapping in the mapping table, then retry the whole group: every voucher in it becomes a bill.
        var accountId = world.Bill.AddChartOfAccount("Legacy Suspense", PeopleSoftDataGenerator.AccountMissingFromBill);
        var departmentId = world.Bill.AddDepartment("Closed Projects", PeopleSoftDataGenerator.DepartmentMissingFromBill);
        var mappings = world.Services.GetRequiredService<MappingStore>();
        foreach (var setId in new[] { "SHARE", "CAN01" })
        {
            await mappings.UpsertAsync(new Mapping(MappingKinds.Account, MappingKinds.AccountSource(setId, PeopleSoftDataGenerator.AccountMissingFromBill), accountId));
            await mappings.UpsertAsync(new Mapping(MappingKinds.Department, MappingKinds.DepartmentSource(setId, PeopleSoftDataGenerator.DepartmentMissingFromBill), departmentId));
        }
        var (status, retry) = await ops.PostAsync("attention/mapping/retry");
        Assert.Equal(200, status);
        Assert.Equal(data.VouchersOnAccountsMissingFromBill.Count, retry!["replayed"]!.AsArray().Count);
        await world.Flows.WaitForInstanceAsync((string)retry["instanceId"]!, EndToEndWorld.DrainTimeout);
        Assert.Empty(await ops.AllPagesAsync("attention/mapping", pageSize: 50));
        foreach (var key in data.VouchersOnAccountsMissingFromBill) Assert.Equal(LedgerState.Done, (await world.Ledger().GetAsync(key))!.State);
    }

    private static async Task<JsonArray> FindAsync(OpsHttp ops, string query) =>
        (await ops.GetAsync("find?q=" + Uri.EscapeDataString(query)))["matches"]!.AsArray();
}
