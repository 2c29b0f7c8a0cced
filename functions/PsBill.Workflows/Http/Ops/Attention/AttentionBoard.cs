using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Workflows.Http.Ops.Attention;

/// <summary>
/// The attention list: parked records grouped by <see cref="AttentionCause"/> and the failed ones, counted, paged without
/// a cap, and every key of a group for "retry all of this cause". Reads the ledger (parked rows) and the failures table.
/// </summary>
public sealed class AttentionBoard(LedgerStore ledger, FailedItemStore failures)
{
    private static readonly LedgerQuery Parked = new(State: LedgerState.Parked);

    /// <summary>Every group with its count, most urgent first (empty groups included, so a page can show "none").</summary>
    public async Task<IReadOnlyList<AttentionGroup>> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var counts = AttentionCause.All.ToDictionary(c => c.Name, _ => 0);
        await foreach (var entry in ledger.QueryAsync(Parked, cancellationToken).ConfigureAwait(false)) counts[AttentionCause.Of(entry).Name]++;
        await foreach (var _ in failures.ListAsync(cancellationToken).ConfigureAwait(false)) counts[AttentionCause.Failed.Name]++;
        return AttentionCause.All.Select(c => AttentionGroup.Of(c, counts[c.Name])).ToList();
    }

    /// <summary>
    /// One page of a group. Parked rows are read a storage page at a time and kept when they are of the group, until at least
    /// <paramref name="pageSize"/> are found or the table ends: a page may be a little longer than asked, never loses a row.
    /// </summary>
    public async Task<Paged<AttentionItem>> PageAsync(AttentionCause cause, string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (cause == AttentionCause.Failed)
        {
            var failed = await failures.ListPageAsync(continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
            return new Paged<AttentionItem>(failed.Items.Select(ItemOf).ToList(), failed.ContinuationToken);
        }

        var items = new List<AttentionItem>();
        var token = continuationToken;
        do
        {
            var page = await ledger.QueryPageAsync(Parked, token, pageSize, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items.Where(e => AttentionCause.Of(e) == cause).Select(ItemOf));
            token = page.ContinuationToken;
        }
        while (token is not null && items.Count < pageSize);
        return new Paged<AttentionItem>(items, token);
    }

    /// <summary>Every key of a group (for a retry of all of them).</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(AttentionCause cause, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var keys = new List<string>();
        if (cause == AttentionCause.Failed)
        {
            await foreach (var item in failures.ListAsync(cancellationToken).ConfigureAwait(false)) keys.Add(item.Key);
            return keys;
        }
        await foreach (var entry in ledger.QueryAsync(Parked, cancellationToken).ConfigureAwait(false))
        {
            if (AttentionCause.Of(entry) == cause) keys.Add(entry.Key);
        }
        return keys;
    }

    private static AttentionItem ItemOf(LedgerEntry entry) =>
        new(entry.Key, entry.Kind, AttentionCause.Of(entry).Name, entry.ParkedReason ?? "parked", entry.Attempts, entry.UpdatedAt, entry.RunId);

    private static AttentionItem ItemOf(FailedItem item) =>
        new(item.Key, KindOf(item.Key), AttentionCause.Failed.Name, item.Reason, 0, item.At, item.RunId);

    private static string KindOf(string key) => key.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? key[..colon] : "";
}
