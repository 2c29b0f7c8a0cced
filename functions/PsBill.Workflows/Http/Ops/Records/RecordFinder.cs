using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>
/// "What happened to X?": finds records by whatever the operator has in hand. A ledger key is looked up; a BILL payment id
/// is a key range; a BILL bill or vendor id is a filter on the ledger's remote id; a voucher id, an invoice number, a
/// supplier id or name are matched over the voucher and supplier rows (a scan of those two partitions: seconds for
/// hundreds of thousands of rows, and only when nothing cheaper matched).
/// </summary>
public sealed class RecordFinder(LedgerStore ledger, AuditTrail audit)
{
    /// <summary>The most matches returned; a search that hits more should be narrower.</summary>
    public const int MaxMatches = 50;

    private const string Voucher = "voucher";
    private const string Supplier = "supplier";
    private const string Payment = "payment";

    /// <summary>The records <paramref name="query"/> names, best matches first.</summary>
    public async Task<IReadOnlyList<RecordMatch>> FindAsync(string query, CancellationToken cancellationToken = default)
    {
        var q = query?.Trim() ?? "";
        if (q.Length == 0) return [];
        var found = new Dictionary<string, RecordMatch>(StringComparer.Ordinal);
        void Add(LedgerEntry e, string on) => found.TryAdd(e.Key, new RecordMatch(e.Key, e.Kind, on, e.State.Value, e.RemoteId));

        if (q.Contains(':', StringComparison.Ordinal) && q.IndexOf(':', StringComparison.Ordinal) > 0)
        {
            if (await ledger.GetAsync(q, cancellationToken).ConfigureAwait(false) is { } exact) Add(exact, "key");
            else if ((await audit.ReadAsync(q, cancellationToken).ConfigureAwait(false)).Count > 0)
                found.TryAdd(q, new RecordMatch(q, LedgerStore.KindOf(q), "key", null, null));
            if (found.Count > 0) return found.Values.ToList();
        }

        await foreach (var e in ledger.QueryAsync(new LedgerQuery(Kind: Payment, KeyPrefix: $"{Payment}:{q}:"), cancellationToken).ConfigureAwait(false))
            Add(e, "BILL payment id");
        await foreach (var e in ledger.QueryAsync(new LedgerQuery(Kind: Voucher, RemoteId: q), cancellationToken).ConfigureAwait(false))
            Add(e, "BILL bill id");
        await foreach (var e in ledger.QueryAsync(new LedgerQuery(Kind: Supplier, RemoteId: q), cancellationToken).ConfigureAwait(false))
            Add(e, "BILL vendor id");
        if (found.Count > 0) return found.Values.Take(MaxMatches).ToList();

        var suffix = ":" + q;
        await foreach (var e in ledger.QueryAsync(new LedgerQuery(Kind: Voucher), cancellationToken).ConfigureAwait(false))
        {
            if (e.Key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) Add(e, "voucher id");
            else if (string.Equals(SyncDetail.Parse(e.Detail).InvoiceNumber, q, StringComparison.OrdinalIgnoreCase)) Add(e, "invoice number");
            if (found.Count >= MaxMatches) break;
        }
        await foreach (var e in ledger.QueryAsync(new LedgerQuery(Kind: Supplier), cancellationToken).ConfigureAwait(false))
        {
            if (found.Count >= MaxMatches) break;
            if (e.Key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) Add(e, "supplier id");
            else if (q.Length >= 3 && SyncDetail.Parse(e.Detail).Name is { } name && name.Contains(q, StringComparison.OrdinalIgnoreCase)) Add(e, "supplier name");
        }
        return found.Values.Take(MaxMatches).ToList();
    }
}
