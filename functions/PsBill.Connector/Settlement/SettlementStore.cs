using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Settlement;

/// <summary>
/// The settlements table (<c>{prefix}settlements</c>): staged postings for AP. Partition = <c>staged</c>, row = the
/// allocation key plus the kind, so staging the same payment twice writes one row. Amounts are stored as invariant
/// decimal text (a table's double would round cents).
/// </summary>
public sealed class SettlementStore(PsBillStorage storage, TimeProvider time)
{
    private const string Partition = "staged";
    private readonly TableClient _table = storage.Table(SettlementTables.Settlements);

    /// <summary>Writes the row unless it is there already; returns the row as stored (the earlier one when it existed).</summary>
    public async Task<StagedSettlement> StageAsync(StagedSettlement settlement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        var row = settlement with { StagedAt = time.GetUtcNow(), ExportedAt = null };
        try
        {
            await _table.InsertAsync(ToEntity(row), cancellationToken).ConfigureAwait(false);
            return row;
        }
        catch (ConcurrencyConflictException)
        {
            return await GetAsync(settlement.Key, settlement.Kind, cancellationToken).ConfigureAwait(false)
                   ?? throw new InvalidOperationException($"Staged settlement {settlement.Key} conflicted on insert but cannot be read.");
        }
    }

    /// <summary>Reads one staged row, or null.</summary>
    public async Task<StagedSettlement?> GetAsync(string key, StagedSettlementKind kind, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetOrNullAsync(Partition, RowKey(key, kind), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToSettlement(entity);
    }

    /// <summary>Every staged row, oldest first; only those never exported when <paramref name="unexportedOnly"/>.</summary>
    public async Task<IReadOnlyList<StagedSettlement>> ListAsync(bool unexportedOnly, CancellationToken cancellationToken = default)
    {
        var rows = new List<StagedSettlement>();
        await foreach (var entity in QueryAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = ToSettlement(entity);
            if (!unexportedOnly || row.ExportedAt is null) rows.Add(row);
        }
        return rows.OrderBy(r => r.StagedAt).ThenBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Kind).ToList();
    }

    /// <summary>Notes that an export included these rows (rows already marked keep their first export time).</summary>
    public async Task MarkExportedAsync(IEnumerable<StagedSettlement> rows, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        foreach (var row in rows.Where(r => r.ExportedAt is null))
        {
            var entity = new TableEntity(Partition, RowKey(row.Key, row.Kind)) { ["ExportedAt"] = at };
            await _table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<TableEntity> QueryAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return entity;
    }

    private static string RowKey(string key, StagedSettlementKind kind) => TableKeys.Escape($"{key}:{kind.ToString().ToLowerInvariant()}");

    private static TableEntity ToEntity(StagedSettlement s) => new(Partition, RowKey(s.Key, s.Kind))
    {
        ["Key"] = s.Key,
        ["Kind"] = s.Kind.ToString(),
        ["PaymentId"] = s.PaymentId,
        ["BillId"] = s.BillId,
        ["BusinessUnit"] = s.BusinessUnit,
        ["VoucherId"] = s.VoucherId,
        ["Amount"] = s.Amount.ToString(CultureInfo.InvariantCulture),
        ["Reference"] = s.Reference,
        ["PaymentDate"] = s.PaymentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["AccountingDate"] = s.AccountingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Method"] = s.Method,
        ["StagedAt"] = s.StagedAt,
        ["ExportedAt"] = s.ExportedAt,
    };

    private static StagedSettlement ToSettlement(TableEntity e) => new(
        e.GetString("Key") ?? "",
        Enum.Parse<StagedSettlementKind>(e.GetString("Kind") ?? nameof(StagedSettlementKind.Payment)),
        e.GetString("PaymentId") ?? "",
        e.GetString("BillId") ?? "",
        e.GetString("BusinessUnit") ?? "",
        e.GetString("VoucherId") ?? "",
        decimal.Parse(e.GetString("Amount") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
        e.GetString("Reference") ?? "",
        DateOnly.ParseExact(e.GetString("PaymentDate") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly.ParseExact(e.GetString("AccountingDate") ?? e.GetString("PaymentDate") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("Method") ?? "",
        e.GetDateTimeOffset("StagedAt") ?? e.Timestamp ?? default,
        e.GetDateTimeOffset("ExportedAt"));
}
