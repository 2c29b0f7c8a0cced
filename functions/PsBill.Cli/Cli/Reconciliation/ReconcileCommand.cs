using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Reconciliation;
using PsBill.Cli.Cli.Settlements;

namespace PsBill.Cli.Cli.Reconciliation;

/// <summary><c>psbill reconcile [--as-of DATE] [--format table|csv|json]</c>: the tie-out of PeopleSoft AP and BILL. Exit code 0
/// when nothing is unexplained, 1 when something is (so a scheduler can alert on it), 2 on a configuration error.</summary>
internal static class ReconcileCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "The day to tie out as of, yyyy-MM-dd (default: today, UTC)" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("reconcile", "Tie PeopleSoft AP out against BILL, voucher by voucher, to the cent") { asOf, format };
        command.SetAction((parse, token) => SettlementCommandServices.RunAsync(async services =>
        {
            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"--as-of {text}: expected a date as yyyy-MM-dd.").ConfigureAwait(false);
                    return 2;
                }
                day = parsed;
            }

            var service = ActivatorUtilities.GetServiceOrCreateInstance<TieOutService>(services);
            var report = await service.BuildAsync(day, token).ConfigureAwait(false);
            var chosen = Enum.Parse<TieOutFormat>(parse.GetRequiredValue(format), ignoreCase: true);
            await TieOutWriter.WriteAsync(report, chosen, Console.Out, token).ConfigureAwait(false);
            return report.Unexplained == 0 ? 0 : 1;
        }));
        return command;
    }
}
