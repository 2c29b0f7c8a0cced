using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Sync;

/// <summary>
/// How PeopleSoft suppliers and vouchers become BILL vendors and bills, bound from <c>PsBill:Sync</c>
/// (app settings <c>PsBill__Sync__...</c>).
/// </summary>
public sealed class SyncOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Sync";

    /// <summary>Supplier keys per work item, i.e. per <c>POST /v3/vendors/bulk</c> (<c>PsBill__Sync__VendorBatchSize</c>; default 20, BILL's maximum).</summary>
    [Range(1, 20)]
    public int VendorBatchSize { get; set; } = 20;

    /// <summary>Voucher keys per work item, i.e. per <c>POST /v3/bills/bulk</c> (<c>PsBill__Sync__BillBatchSize</c>; default 100, BILL's maximum).</summary>
    [Range(1, 100)]
    public int BillBatchSize { get; set; } = 100;

    /// <summary>Records one page of a poll reads (<c>PsBill__Sync__PollChunkSize</c>; default 2,000): the flow stores them, sends
    /// their batches while it reads the next page, and only then moves the checkpoint (a new orchestration history per page).
    /// Each page ends with its lanes' fan-in and a ContinueAsNew (about 2 s on the storage emulator), so pages of 2,000 (20
    /// bulk bill calls, 7 per slot) beat pages of 500: 26 s instead of 32 s for 10,000 vouchers here. A crash re-reads at most a page.</summary>
    [Range(1, 10_000)]
    public int PollChunkSize { get; set; } = 2000;

    /// <summary>Archive the BILL vendor of a supplier that became inactive or unapproved in PeopleSoft (<c>PsBill__Sync__ArchiveInactiveVendors</c>;
    /// default false: the vendor is left alone and the audit trail says so).</summary>
    public bool ArchiveInactiveVendors { get; set; }

    /// <summary>Which distribution field is the cost center (<c>PsBill__Sync__CostCenterSource</c>: <c>DeptId</c> (default) or <c>OperatingUnit</c>).</summary>
    public CostCenterSource CostCenterSource { get; set; } = CostCenterSource.DeptId;

    /// <summary>Which BILL classification the cost center fills (<c>PsBill__Sync__CostCenterTarget</c>: <c>Department</c> (default) or <c>Location</c>).
    /// Locations are mapped from the overrides file only (the BILL client lists departments, not locations).</summary>
    public CostCenterTarget CostCenterTarget { get; set; } = CostCenterTarget.Department;

    /// <summary>Create the active PeopleSoft GL accounts and departments that BILL lacks, with bulk calls (<c>PsBill__Sync__CreateMissingClassifications</c>;
    /// default false: they are reported and the vouchers that use them are parked).</summary>
    public bool CreateMissingClassifications { get; set; }

    /// <summary>A CSV file of explicit mappings, <c>kind,source,billId</c> per line (<c>PsBill__Sync__MappingOverridesFile</c>; default none).
    /// Kinds: <c>account</c> (source <c>SETID:ACCOUNT</c>), <c>department</c> (<c>SETID:DEPTID</c>), <c>operatingunit</c> (<c>OPERATING_UNIT</c>).</summary>
    public string? MappingOverridesFile { get; set; }

    /// <summary>How long an intent row counts as "a call may still be running" (<c>PsBill__Sync__InFlightTimeout</c>; default 10 minutes).
    /// A second worker waits this long before it looks the record up in BILL and sends it again. Keep it above the longest BILL call
    /// including its rate-limit backoff.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The delay before a record is tried again after a transient cause: an unknown outcome to resolve, a vendor still
    /// being created, a rate limit (<c>PsBill__Sync__RetryDelay</c>; default 30 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The vendor currency when no SETID rule applies (<c>PsBill__Sync__DefaultCurrency</c>; default USD).</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>Vendor currency per supplier SETID, <c>SETID=CUR</c> separated by <c>;</c> (<c>PsBill__Sync__SetIdCurrencies</c>; e.g. <c>CAN01=CAD</c>).</summary>
    public string SetIdCurrencies { get; set; } = "";

    /// <summary>The SETID of the GL accounts and departments of each general-ledger business unit, <c>BU=SETID</c> separated by <c>;</c>
    /// (<c>PsBill__Sync__BusinessUnitSetIds</c>; default none: the voucher's supplier SETID is used).</summary>
    public string BusinessUnitSetIds { get; set; } = "";

    /// <summary>Ledger, snapshot and audit writes one work item runs at once (<c>PsBill__Sync__StorageParallelism</c>; default 16).</summary>
    [Range(1, 64)]
    public int StorageParallelism { get; set; } = 16;

    /// <summary>How often PollVouchers re-reads every approved voucher to find the ones denied or deleted since they were sent
    /// (the incremental query returns approved vouchers only) and archives their unpaid bills
    /// (<c>PsBill__Sync__WithdrawnSweepInterval</c>; default 1 day; 0 = every poll).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan WithdrawnSweepInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Cutover: only vouchers of this date or later go to BILL (<c>PsBill__Sync__CutoverDate</c>, <c>yyyy-MM-dd</c>; default none).
    /// Older ones are skipped (the ledger says why), so the history AP re-keyed by hand is left alone. PeopleSoft's facts give no
    /// approval date, so the date compared is <see cref="CutoverDateField"/>.</summary>
    public DateOnly? CutoverDate { get; set; }

    /// <summary>Which voucher date <see cref="CutoverDate"/> is compared with (<c>PsBill__Sync__CutoverDateField</c>: <c>AccountingDate</c>
    /// (default; ACCOUNTING_DT, INVOICE_DT when it is empty) or <c>InvoiceDate</c>).</summary>
    public CutoverDateField CutoverDateField { get; set; } = CutoverDateField.AccountingDate;

    /// <summary>Vouchers never sent to BILL, <c>BU:VOUCHER_ID</c> (or full keys) separated by <c>;</c> or <c>,</c> (<c>PsBill__Sync__CutoverSkipVouchers</c>).</summary>
    public string CutoverSkipVouchers { get; set; } = "";

    /// <summary>The voucher keys of <see cref="CutoverSkipVouchers"/>.</summary>
    public IReadOnlySet<string> CutoverSkipKeys =>
        CutoverSkipVouchers.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.StartsWith("voucher:", StringComparison.Ordinal) ? k : "voucher:" + k)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The parsed <see cref="SetIdCurrencies"/>.</summary>
    public IReadOnlyDictionary<string, string> SetIdCurrencyMap => ParsePairs(SetIdCurrencies);

    /// <summary>The parsed <see cref="BusinessUnitSetIds"/>.</summary>
    public IReadOnlyDictionary<string, string> BusinessUnitSetIdMap => ParsePairs(BusinessUnitSetIds);

    private static Dictionary<string, string> ParsePairs(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase);
}
