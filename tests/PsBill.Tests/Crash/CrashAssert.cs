namespace PsBill.Tests.Crash;

/// <summary>What "no harm done" means after crashes or an outage, against the crash-free baseline of the same data.</summary>
internal static class CrashAssert
{
    public static void SameAsWithoutCrashes(RunOutcome outcome, RunOutcome baseline)
    {
        Assert.True(outcome.SendableVouchers > 1000, $"only {outcome.SendableVouchers} sendable vouchers: the data is not what the test is about");
        Assert.True(outcome.VouchersNotOneBill.Count == 0, $"{outcome.VouchersNotOneBill.Count} vouchers are not exactly one bill:\n{string.Join('\n', outcome.VouchersNotOneBill.Take(20))}");
        Assert.True(outcome.BillsOfNoVoucher.Count == 0, $"{outcome.BillsOfNoVoucher.Count} bills belong to no voucher:\n{string.Join('\n', outcome.BillsOfNoVoucher.Take(20))}");
        Assert.Equal(outcome.SendableVouchers, outcome.Bills);
        Assert.Equal(0, outcome.Figures.DuplicateBills);
        Assert.Equal(0, outcome.Figures.DuplicateVendors);
        Assert.InRange(outcome.Figures.MaxConcurrentCalls, 1, 3);
        Assert.True(outcome.Intents.Count == 0, $"{outcome.Intents.Count} ledger rows left intent:\n{string.Join('\n', outcome.Intents.Take(20))}");
        Assert.True(outcome.LedgerFailed.Count == 0, $"{outcome.LedgerFailed.Count} ledger rows failed:\n{string.Join('\n', outcome.LedgerFailed.Take(20))}");
        Assert.True(outcome.FailedItems.Count == 0, $"{outcome.FailedItems.Count} failed items:\n{string.Join('\n', outcome.FailedItems.Take(20))}");

        // Parked: exactly the data's own bad records, as without crashes.
        var extra = outcome.Parked.Keys.Except(baseline.Parked.Keys).Select(k => $"{k}: {outcome.Parked[k]}").ToList();
        var missing = baseline.Parked.Keys.Except(outcome.Parked.Keys).ToList();
        Assert.True(extra.Count == 0, $"{extra.Count} records parked only because of the crashes:\n{string.Join('\n', extra.Take(20))}");
        Assert.True(missing.Count == 0, $"{missing.Count} records the baseline parks are not parked:\n{string.Join('\n', missing.Take(20))}");
        Assert.Equal(baseline.Bills, outcome.Bills);
    }
}
