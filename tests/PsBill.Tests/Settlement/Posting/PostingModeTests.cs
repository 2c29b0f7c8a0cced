using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Settlement;
using PsBill.Connector.Settlement.Export;
using PsBill.Connector.Storage.Ledger;
using PsBill.Simulators.Bill;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.Settlement.Support;

namespace PsBill.Tests.Settlement.Posting;

/// <summary>Journal and Stage modes produce what the PeopleSoft simulator (or AP's import) expects, and reverse in kind.</summary>
public sealed class PostingModeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task JournalMode_ClearedThenVoided_BalancedJournalAndItsMirror()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString, SettlementMode.Journal);
        await host.SubscribeAsync();
        var bill = (await host.SeedBillsAsync(1234.56m))[0];
        var payment = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bill.BillId)] });
        await host.DrainAsync();

        var journal = Assert.Single(host.PeopleSoft.GetJournals());
        Assert.Equal(bill.BusinessUnit, journal.BusinessUnit);
        Assert.Collection(journal.Lines,
            debit => { Assert.Equal("200000", debit.Account); Assert.Equal(1234.56m, debit.Amount); Assert.Equal(bill.VoucherId, debit.Reference); },
            credit => { Assert.Equal("100000", credit.Account); Assert.Equal(-1234.56m, credit.Amount); Assert.Equal(bill.VoucherId, credit.Reference); });
        Assert.Empty(host.PeopleSoft.GetPayments());
        var row = await host.Ledger.GetAsync($"payment:{payment.Id}:{bill.BillId}");
        Assert.Equal(LedgerState.Done, row!.State);
        Assert.Equal(journal.JournalId, row.RemoteId);

        // Switching the configured mode later would not matter: the reversal follows the posting's mode.
        await host.Bill.VoidPaymentAsync(payment.Id);
        await host.DrainAsync();
        var journals = host.PeopleSoft.GetJournals();
        Assert.Equal(2, journals.Count);
        Assert.Collection(journals[1].Lines,
            l => { Assert.Equal("100000", l.Account); Assert.Equal(1234.56m, l.Amount); },
            l => { Assert.Equal("200000", l.Account); Assert.Equal(-1234.56m, l.Amount); });
        Assert.Equal(SettlementStates.Reversed, (await host.Ledger.GetAsync(row.Key))!.State);
    }

    [Fact]
    public async Task StageMode_ClearedAndVoided_StagedRowsExportAsCsvAndJournalImport()
    {
        await using var host = await SettlementTestHost.StartAsync(azurite.ConnectionString, SettlementMode.Stage);
        await host.SubscribeAsync();
        var bills = await host.SeedBillsAsync(10.10m, 2000.00m);
        await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[0].BillId)] });
        var voided = await host.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(bills[1].BillId)] });
        await host.DrainAsync();
        await host.Bill.VoidPaymentAsync(voided.Id);
        await host.DrainAsync();

        Assert.Empty(host.PeopleSoft.GetPayments());
        Assert.Empty(host.PeopleSoft.GetJournals());
        var exporter = host.Services.GetRequiredService<SettlementExporter>();

        var csv = new StringWriter();
        Assert.Equal(3, await exporter.ExportAsync(SettlementExportFormat.Csv, csv, markExported: false));
        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', CsvSettlementWriter.Columns), lines[0]);
        var amounts = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[10]);
        Assert.Equal("10.10", amounts[(Key(bills[0], host), "payment")]);
        Assert.Equal("2000.00", amounts[($"payment:{voided.Id}:{bills[1].BillId}", "payment")]);
        Assert.Equal("-2000.00", amounts[($"payment:{voided.Id}:{bills[1].BillId}", "reversal")]);

        var flat = new StringWriter();
        Assert.Equal(3, await exporter.ExportAsync(SettlementExportFormat.JournalImport, flat));
        var records = flat.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(records.Where(r => r[0] == 'H'), h => Assert.Equal(JournalImportLayout.HeaderLength, h.Length));
        var lineRecords = records.Where(r => r[0] == 'L').Select(r => JournalImportLayout.Parse(r, JournalImportLayout.Line)).ToList();
        Assert.All(records.Where(r => r[0] == 'L'), l => Assert.Equal(JournalImportLayout.LineLength, l.Length));
        Assert.Equal(6, lineRecords.Count);
        Assert.Equal(0m, lineRecords.Sum(l => decimal.Parse(l[5], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(lineRecords, l => l[3] == "200000" && l[5] == "10.10" && l[6] == bills[0].VoucherId);

        // Marked exported: the next export holds nothing new.
        var again = new StringWriter();
        Assert.Equal(0, await exporter.ExportAsync(SettlementExportFormat.Csv, again));
        Assert.Single(again.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Key(SeededBill bill, SettlementTestHost host) =>
        $"payment:{host.Bill.GetPayments().Single(p => p.Bills.Any(b => b.BillId == bill.BillId)).Id}:{bill.BillId}";
}
