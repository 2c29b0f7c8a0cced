using System.Globalization;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.ReferenceData;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>
/// PeopleSoft voucher -> BILL bill. Only approved, postable, open vouchers go; a voucher that stopped being one (denied,
/// deleted, closed) archives its bill. Invoice number and date, due date, and one bill line per distribution line with
/// <c>classifications.chartOfAccountId</c> and the cost center from the mappings; the lines must sum to GROSS_AMT to the cent.
/// Anything that keeps a bill from being right parks the voucher with a reason naming the record and the field.
/// </summary>
public sealed class BillTranslator(IOptions<SyncOptions> options)
{
    private const int MaxListedProblems = 5;

    /// <summary>Checks and translates a voucher as far as it goes without its vendor.</summary>
    public BillDraft Draft(string key, PeopleSoftVoucher? voucher, bool withdrawn, MappingTable mappings)
    {
        if (voucher is null)
            return Final(SyncPlan<VendorBill>.Park(key, $"{key}: no PeopleSoft record is stored for it; it is read again on the next voucher poll", ParkCause.Data));
        if (BeforeCutover(key, voucher) is { } cutover) return Final(SyncPlan<VendorBill>.Skip(key, cutover));
        if (withdrawn || !voucher.IsApproved)
            return Final(SyncPlan<VendorBill>.Archive(key, $"{key} is {WithdrawnText(voucher, withdrawn)} in PeopleSoft"));
        if (voucher.CloseStatus == "C")
            return Final(SyncPlan<VendorBill>.Archive(key, $"{key} is closed in PeopleSoft (CLOSE_STATUS C)"));
        if (voucher.EntryStatus != "P")
            return Park(key, $"ENTRY_STATUS is '{voucher.EntryStatus}', not P (postable)");
        if (string.IsNullOrWhiteSpace(voucher.InvoiceId))
            return Park(key, "INVOICE_ID is empty; BILL needs an invoice number");
        if (voucher.InvoiceDate == default)
            return Park(key, "INVOICE_DT is empty; BILL needs an invoice date");
        if (voucher.GrossAmount <= 0m)
            return Park(key, $"GROSS_AMT is {Money(voucher.GrossAmount)}; BILL takes bills of a positive amount only");
        if (voucher.DueDate is null)
            return Park(key, "DUE_DT is empty; BILL needs a due date");

        var distributions = voucher.Distributions.ToList();
        if (distributions.Count == 0) return Park(key, "the voucher has no distribution lines");

        var lines = new List<BillLineItem>(distributions.Count);
        var unmapped = new List<string>();
        foreach (var d in distributions)
        {
            var where = $"line {d.VoucherLineNumber}.{d.LineNumber}";
            if (decimal.Round(d.MerchandiseAmount, 2) != d.MerchandiseAmount)
                return Park(key, $"{where}: MERCHANDISE_AMT {d.MerchandiseAmount.ToString(CultureInfo.InvariantCulture)} has more than 2 decimals");

            var setId = SetIdOf(voucher, d);
            var account = mappings.Find(MappingKinds.Account, MappingKinds.AccountSource(setId, d.Account));
            if (account is null) unmapped.Add($"{where}: ACCOUNT {d.Account} (SETID {setId}) has no BILL chart-of-accounts mapping");

            var (costCenter, costCenterProblem) = CostCenter(d, setId, mappings);
            if (costCenterProblem is not null) unmapped.Add($"{where}: {costCenterProblem}");

            lines.Add(new BillLineItem
            {
                Amount = d.MerchandiseAmount,
                Description = string.IsNullOrWhiteSpace(d.Description) ? $"Voucher line {where[5..]}" : d.Description.Trim(),
                Classifications = new LineClassifications
                {
                    ChartOfAccountId = account,
                    DepartmentId = options.Value.CostCenterTarget == CostCenterTarget.Department ? costCenter : null,
                    LocationId = options.Value.CostCenterTarget == CostCenterTarget.Location ? costCenter : null,
                },
            });
        }

        var sum = lines.Sum(l => l.Amount ?? 0m);
        if (sum != voucher.GrossAmount)
            return Park(key, $"the distribution lines sum to {Money(sum)} but GROSS_AMT is {Money(voucher.GrossAmount)}");
        if (unmapped.Count > 0)
        {
            var listed = string.Join("; ", unmapped.Take(MaxListedProblems)) + (unmapped.Count > MaxListedProblems ? $"; and {unmapped.Count - MaxListedProblems} more" : "");
            return Final(SyncPlan<VendorBill>.Park(key, $"{key}: {listed}. Add it in BILL or in the mapping overrides file, then run SyncReferenceData", ParkCause.Mapping));
        }

        return new BillDraft(key, null, voucher, lines);
    }

    /// <summary>Why the voucher stays out of BILL by the cutover settings, or null when it goes.</summary>
    private string? BeforeCutover(string key, PeopleSoftVoucher voucher)
    {
        var settings = options.Value;
        if (settings.CutoverSkipKeys.Contains(key))
            return $"{key} is listed in PsBill:Sync:CutoverSkipVouchers; it is left out of BILL";
        if (settings.CutoverDate is not { } cutover) return null;
        var (date, field) = settings.CutoverDateField == CutoverDateField.InvoiceDate || voucher.AccountingDate is null
            ? (voucher.InvoiceDate, "INVOICE_DT")
            : (voucher.AccountingDate.Value, "ACCOUNTING_DT");
        return date < cutover
            ? $"{key}: {field} {date:yyyy-MM-dd} is before the cutover date {cutover:yyyy-MM-dd} (PsBill:Sync:CutoverDate); it is left out of BILL"
            : null;
    }

    /// <summary>The bill for a draft whose vendor is known.</summary>
    public static SyncPlan<VendorBill> Complete(BillDraft draft, string vendorId)
    {
        var voucher = draft.Voucher ?? throw new ArgumentException("The draft is final already.", nameof(draft));
        var bill = new VendorBill
        {
            VendorId = vendorId,
            Invoice = new BillInvoice { InvoiceNumber = voucher.InvoiceId.Trim(), InvoiceDate = voucher.InvoiceDate },
            DueDate = voucher.DueDate,
            Description = $"PeopleSoft voucher {voucher.BusinessUnit} {voucher.VoucherId}",
            BillLineItems = draft.Lines,
        };
        return SyncPlan<VendorBill>.Send(draft.Key, bill, new SyncDetail { VendorId = vendorId, InvoiceNumber = voucher.InvoiceId.Trim() });
    }

    private (string? Id, string? Problem) CostCenter(PeopleSoftDistributionLine d, string setId, MappingTable mappings)
    {
        if (options.Value.CostCenterSource == CostCenterSource.OperatingUnit)
        {
            if (string.IsNullOrWhiteSpace(d.OperatingUnit)) return (null, null);
            var byUnit = mappings.Find(MappingKinds.OperatingUnit, d.OperatingUnit.Trim());
            return byUnit is null ? (null, $"OPERATING_UNIT {d.OperatingUnit} has no BILL {Target} mapping") : (byUnit, null);
        }

        if (string.IsNullOrWhiteSpace(d.DeptId)) return (null, null);
        var byDept = mappings.Find(MappingKinds.Department, MappingKinds.DepartmentSource(setId, d.DeptId.Trim()));
        return byDept is null ? (null, $"DEPTID {d.DeptId} (SETID {setId}) has no BILL {Target} mapping") : (byDept, null);
    }

    private string Target => options.Value.CostCenterTarget == CostCenterTarget.Location ? "location" : "department";

    /// <summary>The SETID of the GL account and department of a distribution line: configured per GL business unit, else the supplier's.</summary>
    private string SetIdOf(PeopleSoftVoucher voucher, PeopleSoftDistributionLine d) =>
        options.Value.BusinessUnitSetIdMap.GetValueOrDefault(d.BusinessUnitGl ?? voucher.BusinessUnit)
        ?? options.Value.BusinessUnitSetIdMap.GetValueOrDefault(voucher.BusinessUnit)
        ?? voucher.VendorSetId;

    private static BillDraft Park(string key, string problem) => Final(SyncPlan<VendorBill>.Park(key, $"{key}: {problem}", ParkCause.Data));

    private static BillDraft Final(SyncPlan<VendorBill> plan) => new(plan.Key, plan);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string WithdrawnText(PeopleSoftVoucher voucher, bool withdrawn) =>
        voucher.EntryStatus == "X" ? "deleted (ENTRY_STATUS X)"
        : voucher.ApprovalStatus == "D" ? "denied (APPR_STATUS D)"
        : voucher.ApprovalStatus == "P" ? "pending approval again (APPR_STATUS P)"
        : withdrawn ? "no longer approved (it left the approved-vouchers query)"
        : $"not approved (APPR_STATUS {voucher.ApprovalStatus})";
}
