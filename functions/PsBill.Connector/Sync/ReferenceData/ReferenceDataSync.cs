using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Polling;
using PsBill.Connector.Work.Steps;

namespace PsBill.Connector.Sync.ReferenceData;

/// <summary>
/// SyncReferenceData: read PeopleSoft's GL accounts and departments, match them to BILL's chart of accounts (by account
/// number, then name) and departments (by short name = DEPTID, then name), apply the overrides file, optionally create what
/// BILL lacks (bulk), store the mappings (and drop the ones no longer true), and report the unmapped ones (run counts,
/// audit trail, log). When the mappings changed, vouchers parked for a mapping or a BILL rejection are tried again.
/// </summary>
public sealed class ReferenceDataSync(
    PeopleSoftReader reader, BillClient bill, MappingStore mappings, AuditTrail audit, ParkedRequeue requeue,
    IOptions<SyncOptions> options, ILogger<ReferenceDataSync> logger) : IReferenceDataSync
{
    /// <inheritdoc />
    public async Task<RunCounts> SyncAsync(RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var overrides = await MappingOverridesFile.ReadAsync(options.Value.MappingOverridesFile, cancellationToken).ConfigureAwait(false);
        var plan = new ReferenceDataPlan(overrides);

        var seen = await MapAccountsAsync(plan, cancellationToken).ConfigureAwait(false);
        seen += options.Value.CostCenterSource == CostCenterSource.DeptId
            ? await MapDepartmentsAsync(plan, cancellationToken).ConfigureAwait(false)
            : await MapOperatingUnitsAsync(plan, cancellationToken).ConfigureAwait(false);
        plan.ApplyRemainingOverrides();

        var (added, changed, unchanged) = await StoreAsync(plan, run, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(plan.Unmapped, new ParallelOptions { MaxDegreeOfParallelism = options.Value.StorageParallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                SyncLog.Unmapped(logger, item.Key, item.Reason);
                await audit.AppendAsync(item.Key, "mapping.unmapped", "unmapped", item.Reason, run.RunId, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        SyncLog.ReferenceData(logger, plan.Wanted.Count, plan.CreatedInBill, plan.Unmapped.Count);

        if (added + changed > 0) await requeue.RequeueAsync([ParkCause.Mapping, ParkCause.Rejected], run.RunId, cancellationToken).ConfigureAwait(false);
        return new RunCounts(Seen: seen, Created: plan.CreatedInBill, Updated: added + changed - plan.CreatedInBill, AlreadyThere: unchanged, Parked: plan.Unmapped.Count);
    }

    private async Task<int> MapAccountsAsync(ReferenceDataPlan plan, CancellationToken cancellationToken)
    {
        var accounts = new List<PeopleSoftGlAccount>();
        await foreach (var result in reader.ReadGlAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (result.Record is { } account) accounts.Add(account);
            else if (result.Error is { } error) plan.Unmapped.Add((error.RecordKey, $"{error.RecordKey}: PeopleSoft row could not be read: {error.Field} {error.Reason}"));
        }

        var entries = new List<ChartOfAccount>();
        await foreach (var entry in bill.ListChartOfAccountsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            if (entry.Archived != true && entry.Id is not null) entries.Add(entry);
        var byNumber = Index(entries, e => e.Account?.Number);
        var byName = Index(entries, e => e.Name);

        var missing = new List<PeopleSoftGlAccount>();
        foreach (var account in accounts.Where(a => a.IsActive))
        {
            var source = MappingKinds.AccountSource(account.SetId, account.Account);
            if (plan.TryOverride(MappingKinds.Account, source)) continue;
            if (byNumber.TryGetValue(account.Account, out var byNumberMatch)) plan.Map(MappingKinds.Account, source, byNumberMatch.Id!, $"matched by account number {account.Account}");
            else if (byName.TryGetValue(Normalize(account.Description), out var byNameMatch)) plan.Map(MappingKinds.Account, source, byNameMatch.Id!, $"matched by name '{byNameMatch.Name}'");
            else missing.Add(account);
        }

        if (options.Value.CreateMissingClassifications && missing.Count > 0)
            missing = await CreateAccountsAsync(plan, missing, cancellationToken).ConfigureAwait(false);
        foreach (var account in missing)
        {
            plan.Unmapped.Add((PeopleSoftRecordKeys.GlAccount(account.SetId, account.Account),
                $"GL account {account.Account} '{account.Description}' (SETID {account.SetId}) has no BILL chart-of-accounts entry with that number or name"));
        }
        return accounts.Count;
    }

    private async Task<List<PeopleSoftGlAccount>> CreateAccountsAsync(ReferenceDataPlan plan, List<PeopleSoftGlAccount> missing, CancellationToken cancellationToken)
    {
        // One BILL organization has one chart: the same account number in two SETIDs is one entry.
        var distinct = missing.DistinctBy(a => a.Account).ToList();
        var stillMissing = new List<PeopleSoftGlAccount>();
        foreach (var chunk in distinct.Chunk(BillClient.MaxClassificationsPerBulk))
        {
            try
            {
                var created = await bill.CreateChartOfAccountsInBulkAsync(
                    chunk.Select(a => new ChartOfAccount { Name = a.Description, Description = a.Description, Account = new ChartOfAccountAccount { Type = AccountType(a.AccountType), Number = a.Account } }).ToList(),
                    cancellationToken).ConfigureAwait(false);
                var byNumber = Index(created.Where(c => c.Id is not null).ToList(), c => c.Account?.Number);
                foreach (var account in missing.Where(a => chunk.Any(c => c.Account == a.Account)))
                {
                    if (byNumber.TryGetValue(account.Account, out var entry)) plan.Map(MappingKinds.Account, MappingKinds.AccountSource(account.SetId, account.Account), entry.Id!, "created in BILL");
                    else stillMissing.Add(account);
                }
                plan.CreatedInBill += created.Count;
            }
            catch (BillApiException ex)
            {
                // A lost answer is safe: the next sync matches what was created by number.
                stillMissing.AddRange(missing.Where(a => chunk.Any(c => c.Account == a.Account)).Select(a => a with { Description = $"{a.Description} (creating it in BILL failed: {ex.Message})" }));
            }
        }
        return stillMissing;
    }

    private async Task<int> MapDepartmentsAsync(ReferenceDataPlan plan, CancellationToken cancellationToken)
    {
        var departments = new List<PeopleSoftDepartment>();
        await foreach (var result in reader.ReadDepartmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (result.Record is { } department) departments.Add(department);
            else if (result.Error is { } error) plan.Unmapped.Add((error.RecordKey, $"{error.RecordKey}: PeopleSoft row could not be read: {error.Field} {error.Reason}"));
        }

        var toDepartments = options.Value.CostCenterTarget == CostCenterTarget.Department;
        var billDepartments = toDepartments ? await ListDepartmentsAsync(cancellationToken).ConfigureAwait(false) : [];
        var byShortName = Index(billDepartments, d => d.ShortName);
        var byName = Index(billDepartments, d => d.Name);
        var missing = new List<PeopleSoftDepartment>();
        foreach (var department in departments.Where(d => d.IsActive))
        {
            var source = MappingKinds.DepartmentSource(department.SetId, department.DeptId);
            if (plan.TryOverride(MappingKinds.Department, source)) continue;
            if (byShortName.TryGetValue(department.DeptId, out var byId)) plan.Map(MappingKinds.Department, source, byId.Id!, $"matched by short name {department.DeptId}");
            else if (byName.TryGetValue(Normalize(department.Description), out var byNameMatch)) plan.Map(MappingKinds.Department, source, byNameMatch.Id!, $"matched by name '{byNameMatch.Name}'");
            else missing.Add(department);
        }

        if (toDepartments && options.Value.CreateMissingClassifications && missing.Count > 0)
            missing = await CreateDepartmentsAsync(plan, missing, cancellationToken).ConfigureAwait(false);
        foreach (var department in missing)
        {
            plan.Unmapped.Add((PeopleSoftRecordKeys.Department(department.SetId, department.DeptId), toDepartments
                ? $"department {department.DeptId} '{department.Description}' (SETID {department.SetId}) has no BILL department with that short name or name"
                : $"department {department.DeptId} (SETID {department.SetId}) has no location in the overrides file (locations are mapped by the overrides file only)"));
        }
        return departments.Count;
    }

    private async Task<List<PeopleSoftDepartment>> CreateDepartmentsAsync(ReferenceDataPlan plan, List<PeopleSoftDepartment> missing, CancellationToken cancellationToken)
    {
        var distinct = missing.DistinctBy(d => d.DeptId).ToList();
        var stillMissing = new List<PeopleSoftDepartment>();
        foreach (var chunk in distinct.Chunk(BillClient.MaxClassificationsPerBulk))
        {
            try
            {
                var created = await bill.CreateDepartmentsInBulkAsync(
                    chunk.Select(d => new Department { Name = d.Description, ShortName = d.DeptId, Description = d.Description }).ToList(), cancellationToken).ConfigureAwait(false);
                var byShortName = Index(created.Where(c => c.Id is not null).ToList(), c => c.ShortName);
                foreach (var department in missing.Where(m => chunk.Any(c => c.DeptId == m.DeptId)))
                {
                    if (byShortName.TryGetValue(department.DeptId, out var entry)) plan.Map(MappingKinds.Department, MappingKinds.DepartmentSource(department.SetId, department.DeptId), entry.Id!, "created in BILL");
                    else stillMissing.Add(department);
                }
                plan.CreatedInBill += created.Count;
            }
            catch (BillApiException ex)
            {
                stillMissing.AddRange(missing.Where(m => chunk.Any(c => c.DeptId == m.DeptId)).Select(d => d with { Description = $"{d.Description} (creating it in BILL failed: {ex.Message})" }));
            }
        }
        return stillMissing;
    }

    /// <summary>Operating units have no setup table in the reader: every BILL department is offered by short name and name.</summary>
    private async Task<int> MapOperatingUnitsAsync(ReferenceDataPlan plan, CancellationToken cancellationToken)
    {
        if (options.Value.CostCenterTarget != CostCenterTarget.Department) return 0;
        var departments = await ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var department in departments)
        {
            foreach (var value in new[] { department.ShortName, department.Name }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()))
            {
                if (!plan.TryOverride(MappingKinds.OperatingUnit, value) && !plan.Has(MappingKinds.OperatingUnit, value))
                    plan.Map(MappingKinds.OperatingUnit, value, department.Id!, $"BILL department '{department.Name}'");
            }
        }
        return departments.Count;
    }

    private async Task<List<Department>> ListDepartmentsAsync(CancellationToken cancellationToken)
    {
        var departments = new List<Department>();
        await foreach (var department in bill.ListDepartmentsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            if (department.Archived != true && department.Id is not null) departments.Add(department);
        return departments;
    }

    /// <summary>Writes new and changed mappings, deletes the ones no longer derived; returns (added, changed, unchanged).</summary>
    private async Task<(int Added, int Changed, int Unchanged)> StoreAsync(ReferenceDataPlan plan, RunContext run, CancellationToken cancellationToken)
    {
        int added = 0, changed = 0, unchanged = 0;
        foreach (var kind in MappingKinds.All)
        {
            var existing = (await mappings.ListAsync(kind, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.SourceValue, StringComparer.OrdinalIgnoreCase);
            foreach (var wanted in plan.Wanted.Values.Where(m => m.Kind == kind))
            {
                if (existing.Remove(wanted.SourceValue, out var old) && old.BillId == wanted.BillId)
                {
                    unchanged++;
                    continue;
                }
                if (old is null) added++;
                else changed++;
                await mappings.UpsertAsync(wanted, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync($"{kind}:{wanted.SourceValue}", "mapping.set", "ok", $"{kind} {wanted.SourceValue} -> BILL {wanted.BillId} ({wanted.Detail})", run.RunId, cancellationToken).ConfigureAwait(false);
            }
            foreach (var stale in existing.Values)
            {
                await mappings.DeleteAsync(kind, stale.SourceValue, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync($"{kind}:{stale.SourceValue}", "mapping.removed", "ok", $"{kind} {stale.SourceValue} no longer maps to BILL {stale.BillId} (gone, archived or no longer matching)", run.RunId, cancellationToken).ConfigureAwait(false);
            }
        }
        return (added, changed, unchanged);
    }

    private static Dictionary<string, T> Index<T>(IReadOnlyList<T> items, Func<T, string?> key) =>
        items.Where(i => !string.IsNullOrWhiteSpace(key(i))).GroupBy(i => Normalize(key(i)!)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static string Normalize(string value) => value.Trim().ToUpperInvariant();

    private static string AccountType(string? peopleSoftType) => peopleSoftType switch
    {
        "A" => "OTHER_CURRENT_ASSET",
        "L" => "OTHER_CURRENT_LIABILITY",
        "Q" => "EQUITY",
        "R" => "INCOME",
        _ => "EXPENSE",
    };
}
