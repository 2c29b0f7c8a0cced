using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement;
using PsBill.Connector.Settlement.Export;

namespace PsBill.Tests.Settlement.Export;

/// <summary>The file formats on their own: CSV quoting and the fixed-width journal import layout.</summary>
public sealed class SettlementExportFormatTests
{
    private static readonly PeopleSoftJournalCiOptions Accounts = new() { ApLiabilityAccount = "200000", CashAccount = "100000" };

    [Fact]
    public async Task WriteAsync_FieldWithCommaAndQuote_QuotedPerRfc4180()
    {
        var writer = new StringWriter();
        await CsvSettlementWriter.WriteAsync([Row("US001", "000123", 5m, reference: "C,1\"2")], writer);

        var row = writer.ToString().Split("\r\n")[1];
        Assert.Contains(",\"C,1\"\"2\",", row, StringComparison.Ordinal);
        Assert.EndsWith(",5.00", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_TwoBusinessUnits_OneBalancedJournalEach()
    {
        var writer = new StringWriter();
        var journals = await JournalImportWriter.WriteAsync(
            [Row("US001", "000001", 100.25m), Row("US001", "000002", 0.75m, StagedSettlementKind.Reversal), Row("CA001", "000003", 9m)], Accounts, writer);

        var records = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, journals);
        Assert.Equal("HCA001", records[0][..6]);
        var byJournal = new List<List<IReadOnlyList<string>>>();
        foreach (var record in records)
        {
            if (record[0] == 'H') byJournal.Add([]);
            else byJournal[^1].Add(JournalImportLayout.Parse(record, JournalImportLayout.Line));
        }
        Assert.All(byJournal, lines => Assert.Equal(0m, lines.Sum(l => decimal.Parse(l[5], System.Globalization.CultureInfo.InvariantCulture))));
        var us = byJournal[1];
        Assert.Equal(["000000001", "000000002", "000000003", "000000004"], us.Select(l => l[1]).ToArray());
        Assert.Equal(["100.25", "-100.25", "-0.75", "0.75"], us.Select(l => l[5]).ToArray());
        Assert.Equal(["200000", "100000", "200000", "100000"], us.Select(l => l[3]).ToArray());
    }

    [Fact]
    public async Task WriteAsync_AccountsNotConfigured_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            JournalImportWriter.WriteAsync([Row("US001", "1", 1m)], new PeopleSoftJournalCiOptions(), new StringWriter()));
    }

    [Fact]
    public void Format_KeyLongerThanField_Throws() =>
        Assert.Throws<FormatException>(() => JournalImportLayout.Format('L', JournalImportLayout.Line,
            ["US0011", "1", "ACTUALS", "200000", "", "1.00", "1", "d"]));

    private static StagedSettlement Row(string businessUnit, string voucherId, decimal amount, StagedSettlementKind kind = StagedSettlementKind.Payment, string reference = "C1") =>
        new($"payment:stp1:{voucherId}", kind, "stp1", "00n" + voucherId, businessUnit, voucherId, amount, reference,
            new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), "ACH", DateTimeOffset.UnixEpoch);
}
