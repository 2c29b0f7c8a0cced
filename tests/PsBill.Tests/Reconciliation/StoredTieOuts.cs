using PsBill.Connector.Reconciliation;
using PsBill.Connector.Reconciliation.Scheduled;

namespace PsBill.Tests.Reconciliation;

/// <summary>Stored tie-outs for tests of what reads them (the ops API, the CLI, the alerts): a made one with one unexplained
/// line, optionally followed by a failed one.</summary>
internal static class StoredTieOuts
{
    public const string UnexplainedVoucher = "voucher:US001:00000042";

    public static TieOutReport Report(DateTimeOffset at) => TieOutReport.From(DateOnly.FromDateTime(at.UtcDateTime), at,
    [
        new TieOutLine
        {
            VoucherKey = "voucher:US001:00000041", BusinessUnit = "US001", VoucherId = "00000041", BillId = "bill41",
            PeopleSoftGross = 100.10m, BillAmount = 100.10m, Status = TieOutStatus.Tied,
        },
        new TieOutLine
        {
            VoucherKey = UnexplainedVoucher, BusinessUnit = "US001", VoucherId = "00000042", BillId = "bill42",
            PeopleSoftGross = 250.00m, BillAmount = 260.01m, Status = TieOutStatus.Unexplained,
            Notes = [new(TieOutCause.Unexplained, $"{UnexplainedVoucher}: bill bill42 is 260.01 in BILL but the voucher's gross is 250.00 (edited in BILL by hand?)")],
        },
    ]);

    public static async Task<(StoredTieOut Made, StoredTieOut? Failed)> SeedAsync(TieOutStore store, DateTimeOffset at, bool thenFail)
    {
        var made = await store.SaveAsync(Report(at), "run-made");
        var failed = thenFail ? await store.SaveFailureAsync("run-failed", "PeopleSoft could not be read: 503") : null;
        return (made, failed);
    }
}
