using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Settlement.Export;

namespace PsBill.Cli.Cli.Settlements;

/// <summary><c>psbill settlements export --format csv|journal-import [--out FILE] [--all] [--dry-run]</c>: the staged
/// settlements as a file AP loads.</summary>
internal static class SettlementsCommand
{
    public static Command Create()
    {
        var settlements = new Command("settlements", "Settlements staged for AP (PsBill:Settlement:Mode = Stage)");

        var format = new Option<string>("--format")
        {
            Description = "csv, or journal-import (the GL_JRNL_IMPORT flat file)",
            Required = true,
        };
        format.AcceptOnlyFromAmong("csv", "journal-import");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output)" };
        var all = new Option<bool>("--all") { Description = "Every staged settlement, not only those no export has included yet" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Do not mark the settlements as exported" };
        var export = new Command("export", "Write the staged settlements not yet exported, then mark them exported") { format, output, all, dryRun };
        export.SetAction((parse, token) => SettlementCommandServices.RunAsync(async services =>
        {
            var chosen = parse.GetRequiredValue(format) == "csv" ? SettlementExportFormat.Csv : SettlementExportFormat.JournalImport;
            var exporter = services.GetRequiredService<SettlementExporter>();
            var file = parse.GetValue(output);
            int count;
            if (file is null)
            {
                count = await exporter.ExportAsync(chosen, Console.Out, parse.GetValue(all), !parse.GetValue(dryRun), token).ConfigureAwait(false);
            }
            else
            {
                // Written next to the target and moved into place, so AP never loads half a file.
                var temporary = file.FullName + ".partial";
                await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
                    count = await exporter.ExportAsync(chosen, writer, parse.GetValue(all), !parse.GetValue(dryRun), token).ConfigureAwait(false);
                File.Move(temporary, file.FullName, overwrite: true);
                await Console.Error.WriteLineAsync($"{count} settlements written to {file.FullName}").ConfigureAwait(false);
            }
            return 0;
        }));
        settlements.Subcommands.Add(export);
        return settlements;
    }
}
