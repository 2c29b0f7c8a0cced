using System.CommandLine;
using System.Text.Json.Nodes;
using PsBill.Cli.Cli;
using PsBill.Connector.Credentials;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.World;
using PsBill.Tests.Credentials;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Cli.Ops;

/// <summary><c>psbill ops ...</c> against a running sandbox host: the console's views and actions as tables and as JSON.</summary>
public sealed class OpsConsoleCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task OpsCommands_AgainstTheHost_OverviewAttentionFindRunsRetryInTableAndJson()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 40);
        await world.RunCycleAsync();
        using var folder = new TemporaryFolder();
        var keyFile = Path.Combine(folder.Path, "admin-key");
        await File.WriteAllTextAsync(keyFile, world.Secrets[SecretNames.AdminKey] + "\n");
        string[] Host(params string[] args) => ["ops", .. args, "--url", world.Host.BaseAddress.ToString(), "--key-file", keyFile];
        var voucher = world.SendableVouchers()[0];
        var parkedKey = world.PeopleSoft.Data.MalformedVouchers[0].Key;

        var overviewJson = await RunAsync(Host("overview", "--output", "json"));
        var overviewTable = await RunAsync(Host("overview"));
        var groups = await RunAsync(Host("attention", "--output", "json"));
        var dataItems = await RunAsync(Host("attention", "data", "--output", "json"));
        var find = await RunAsync(Host("find", voucher.InvoiceId, "--output", "json"));
        var record = await RunAsync(Host("record", voucher.Key));
        var runs = await RunAsync(Host("runs", "--name", "PollVouchers"));
        var timeline = await RunAsync(Host("timeline", "PollVouchers", "--output", "json"));
        var retryUnconfirmed = await RunAsync(Host("retry", "--cause", "data"));
        var retry = await RunAsync(Host("retry", parkedKey, "--output", "json"));
        var start = await RunAsync(Host("start", "PollPayments"));
        var wrongKey = await RunAsync(["ops", "overview", "--url", world.Host.BaseAddress.ToString(), "--key-file", await WriteAsync(folder, "wrong", "nope")]);

        Assert.Equal(0, overviewJson.Exit);
        Assert.Equal(4, JsonNode.Parse(overviewJson.Output)!["flows"]!.AsArray().Count);
        Assert.Contains("PollVouchers", overviewTable.Output, StringComparison.Ordinal);
        Assert.Contains("records need you", overviewTable.Output, StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(groups.Output)!.AsArray(), g => (string)g!["cause"]! == "mapping" && (int)g["count"]! > 0);
        Assert.Contains(JsonNode.Parse(dataItems.Output)!.AsArray(), i => (string)i!["key"]! == parkedKey);
        Assert.Equal(voucher.Key, (string)JsonNode.Parse(find.Output)!["matches"]![0]!["key"]!);
        Assert.Contains("bill.create", record.Output, StringComparison.Ordinal);
        Assert.Contains(voucher.InvoiceId, record.Output, StringComparison.Ordinal);
        Assert.Contains("PollVouchersFlow", runs.Output, StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(timeline.Output)!["timeline"]!.AsArray(), r => (string)r!["name"]! == "RunFlowStep");
        Assert.Equal(1, retryUnconfirmed.Exit);
        Assert.Contains("--yes", retryUnconfirmed.Error, StringComparison.Ordinal);
        Assert.Equal(0, retry.Exit);
        Assert.Equal(parkedKey, (string)JsonNode.Parse(retry.Output)!["replayed"]![0]!);
        Assert.Contains("PollPayments started", start.Output, StringComparison.Ordinal);
        Assert.Equal(1, wrongKey.Exit);
        Assert.Contains("401", wrongKey.Error, StringComparison.Ordinal);
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        Assert.Equal(LedgerState.Parked, (await world.Ledger().GetAsync(parkedKey))!.State);
    }

    private static async Task<string> WriteAsync(TemporaryFolder folder, string name, string text)
    {
        var path = Path.Combine(folder.Path, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PsBillCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
