using PsBill.Workflows;
using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;

namespace PsBill.Cli.Cli;

/// <summary><c>psbill ops ...</c>: what the ops page shows, from a terminal, as JSON.</summary>
internal static class OpsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var ops = new Command("ops", "The operator's console from a terminal: overview, attention, find, records, runs and their actions (against the running host); items, parked and failed straight from storage");

        var max = new Option<int>("--max") { Description = "How many", DefaultValueFactory = _ => 20 };
        var runs = new Command("run-counts", "The runs table: each flow run's counts, newest first (straight from storage)") { max };
        runs.SetAction((parse, token) => WithServices(async sp =>
            Print(await sp.GetRequiredService<RunStore>().ListRecentAsync(parse.GetValue(max), cancellationToken: token).ConfigureAwait(false))));
        ops.Subcommands.Add(runs);

        var key = new Argument<string>("key") { Description = "The item key, e.g. voucher:US001:00012345" };
        var item = new Command("item", "An item's ledger row and audit trail") { key };
        item.SetAction((parse, token) => WithServices(async sp =>
        {
            var k = parse.GetRequiredValue(key);
            Print(new
            {
                key = k,
                ledger = await sp.GetRequiredService<LedgerStore>().GetAsync(k, token).ConfigureAwait(false),
                trail = await sp.GetRequiredService<AuditTrail>().ReadAsync(k, token).ConfigureAwait(false),
            });
        }));
        ops.Subcommands.Add(item);

        var parked = new Command("parked", "Parked items");
        parked.SetAction((_, token) => WithServices(async sp =>
        {
            var list = new List<LedgerEntry>();
            await foreach (var e in sp.GetRequiredService<LedgerStore>().QueryByStateAsync(LedgerState.Parked, token).ConfigureAwait(false)) list.Add(e);
            Print(list);
        }));
        ops.Subcommands.Add(parked);

        var failed = new Command("failed", "Items that failed after every retry (replay them with 'psbill replay --failed')");
        failed.SetAction((_, token) => WithServices(async sp =>
        {
            var list = new List<PsBill.Connector.Storage.Failures.FailedItem>();
            await foreach (var f in sp.GetRequiredService<PsBill.Connector.Storage.Failures.FailedItemStore>().ListAsync(token).ConfigureAwait(false)) list.Add(f);
            Print(list);
        }));
        ops.Subcommands.Add(failed);
        Ops.OpsConsoleCommands.AddTo(ops);
        return ops;
    }

    private static Task<int> WithServices(Func<IServiceProvider, Task> body) => CommandFailures.RunAsync(async () =>
    {
        var services = new ServiceCollection().AddLogging().AddPsBill(AppConfiguration.Build());
        await using var provider = services.BuildServiceProvider();
        provider.ValidatePsBillConfiguration();
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync().ConfigureAwait(false);
        await body(provider).ConfigureAwait(false);
        return 0;
    });

    private static void Print(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Json));
}
