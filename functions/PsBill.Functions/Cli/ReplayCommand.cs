using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Connector.Storage;
using PsBill.Functions.Hosting;

namespace PsBill.Functions.Cli;

/// <summary>
/// <c>psbill replay ITEM... | --run RUN | --parked | --failed</c>: puts items back on the work queue from their ledger rows.
/// The ledger keeps a replay from creating anything twice: a record BILL already holds comes back "already there".
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var items = new Argument<string[]>("items") { Description = "Item keys, e.g. voucher:US001:00012345 supplier:SHARE:0000000042", Arity = ArgumentArity.ZeroOrMore };
        var run = new Option<string?>("--run") { Description = "Replay every item of this run (its id from 'psbill ops runs')" };
        var parked = new Option<bool>("--parked") { Description = "Replay every parked item" };
        var failed = new Option<bool>("--failed") { Description = "Replay every failed item (ledger state failed, and the items on the poison queue)" };
        var command = new Command("replay", "Put items back on the work queue (nothing is created twice)") { items, run, parked, failed };
        command.SetAction((parse, token) => CommandFailures.RunAsync(async () =>
        {
            var request = new ReplayRequest(parse.GetValue(items) ?? [], parse.GetValue(run), parse.GetValue(parked), parse.GetValue(failed));
            if (request.Problem is { } problem)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 1;
            }

            var services = new ServiceCollection().AddLogging().AddPsBill(AppConfiguration.Build());
            await using var provider = services.BuildServiceProvider();
            provider.ValidatePsBillConfiguration();
            await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(token).ConfigureAwait(false);
            var result = await ActivatorUtilities.CreateInstance<ReplayExecutor>(provider).ExecuteAsync(request, "cli", token).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return result.Unknown.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
