using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;
using PsBill.Functions.Hosting;

namespace PsBill.Functions.Cli;

/// <summary><c>psbill ops ...</c>: what the ops page shows, from a terminal, as JSON.</summary>
internal static class OpsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var ops = new Command("ops", "Runs, items, parked items and replay");

        var max = new Option<int>("--max") { Description = "How many", DefaultValueFactory = _ => 20 };
        var runs = new Command("runs", "Recent runs, newest first") { max };
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

        var keys = new Argument<string[]>("keys") { Description = "Item keys to replay", Arity = ArgumentArity.ZeroOrMore };
        var allParked = new Option<bool>("--parked") { Description = "Replay every parked item" };
        var replay = new Command("replay", "Put items back on the work queue") { keys, allParked };
        replay.SetAction((parse, token) => WithServices(async sp =>
        {
            var work = sp.GetRequiredService<WorkReplay>();
            Print(parse.GetValue(allParked)
                ? await work.ReplayParkedAsync("cli", token).ConfigureAwait(false)
                : await work.ReplayAsync(parse.GetValue(keys) ?? [], "cli", token).ConfigureAwait(false));
        }));
        ops.Subcommands.Add(replay);
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
