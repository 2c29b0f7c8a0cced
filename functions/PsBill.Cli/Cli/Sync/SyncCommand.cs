using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Sync.Preview;

namespace PsBill.Cli.Cli.Sync;

/// <summary><c>psbill sync --dry-run [--csv FILE]</c>: what the next cycle would do per record, writing nothing anywhere.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Preview only: read PeopleSoft and BILL, write nothing (required: the cycle itself runs on its schedule)", Required = true };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the preview as CSV to this file" };
        var sync = new Command("sync", "Preview the next PollSuppliers/PollVouchers cycle: create, adopt, update, park, with totals") { dryRun, csv };
        sync.SetAction((parse, token) => SyncCommandServices.RunAsync(async services =>
        {
            var report = await services.GetRequiredService<SyncPreview>().PreviewAsync(token).ConfigureAwait(false);
            await SyncPreviewWriter.WriteTableAsync(report, Console.Out).ConfigureAwait(false);
            if (parse.GetValue(csv) is { } file)
            {
                await using var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false));
                await SyncPreviewWriter.WriteCsvAsync(report, writer).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"{report.Rows.Count} records written to {file.FullName}").ConfigureAwait(false);
            }
            return 0;
        }));
        return sync;
    }
}
