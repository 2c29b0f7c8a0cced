using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Configuration;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Reconciliation.Scheduled;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Workflows;

namespace PsBill.Cli.Cli.Reconciliation;

/// <summary><c>psbill reconcile [--as-of DATE] [--format table|csv|json]</c>: the tie-out of PeopleSoft AP and BILL, made now;
/// <c>psbill reconcile --latest</c>: the last one stored (after PollPayments), which needs storage only. Exit code 0 when
/// nothing is unexplained, 1 when something is or no tie-out is stored (so a scheduler can alert on it), 2 on a
/// configuration error.</summary>
internal static class ReconcileCommand
{
    public static Command Create() => Create(() => AppConfiguration.Build());

    /// <param name="configuration">The configuration, read when the command runs.</param>
    public static Command Create(Func<IConfiguration> configuration)
    {
        var asOf = new Option<string?>("--as-of") { Description = "The day to tie out as of, yyyy-MM-dd (default: today, UTC)" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var latest = new Option<bool>("--latest") { Description = "Print the last tie-out stored (made after PollPayments) instead of making one" };
        var command = new Command("reconcile", "Tie PeopleSoft AP out against BILL, voucher by voucher, to the cent") { asOf, format, latest };
        command.Validators.Add(result =>
        {
            if (result.GetValue(latest) && result.GetValue(asOf) is not null) result.AddError("--latest prints the stored tie-out as it was made; --as-of makes a new one.");
        });
        command.SetAction((parse, token) => CommandFailures.RunAsync(async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var chosen = Enum.Parse<TieOutFormat>(parse.GetRequiredValue(format), ignoreCase: true);
            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await error.WriteLineAsync($"--as-of {text}: expected a date as yyyy-MM-dd.").ConfigureAwait(false);
                    return CommandFailures.ConfigurationError;
                }
                day = parsed;
            }

            var settings = configuration();
            var services = new ServiceCollection().AddLogging().AddPsBill(settings);
            // A new tie-out reads both systems and the settlement's rows; the stored one needs storage only.
            if (!parse.GetValue(latest)) services.AddPsBillSettlement(settings).AddPsBillReconciliation(settings);
            await using var provider = services.BuildServiceProvider();
            provider.ValidatePsBillConfiguration();
            await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(token).ConfigureAwait(false);

            TieOutReport report;
            if (parse.GetValue(latest))
            {
                if (await LatestAsync(provider.GetRequiredService<TieOutStore>(), error, token).ConfigureAwait(false) is not { } stored) return 1;
                report = stored;
            }
            else
            {
                report = await provider.GetRequiredService<TieOutService>().BuildAsync(day, token).ConfigureAwait(false);
            }
            await TieOutWriter.WriteAsync(report, chosen, output, token).ConfigureAwait(false);
            return report.Unexplained == 0 ? 0 : 1;
        }));
        return command;
    }

    /// <summary>The newest report made; a newer failed attempt is said on stderr.</summary>
    private static async Task<TieOutReport?> LatestAsync(TieOutStore store, TextWriter error, CancellationToken cancellationToken)
    {
        var newest = await store.LatestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (newest is { Made: false })
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The newest tie-out ({newest.GeneratedAt:u}, after run {newest.RunId}) could not be made: {newest.Error}")).ConfigureAwait(false);
        var made = newest is { Made: true } ? newest : await store.LatestAsync(madeOnly: true, cancellationToken).ConfigureAwait(false);
        if (made is null || await store.ReadReportAsync(made, cancellationToken).ConfigureAwait(false) is not { } report)
        {
            await error.WriteLineAsync("No tie-out is stored: one is made after PollPayments (PsBill:Reconciliation:AfterPollPayments), or run psbill reconcile without --latest.").ConfigureAwait(false);
            return null;
        }
        return report;
    }
}
