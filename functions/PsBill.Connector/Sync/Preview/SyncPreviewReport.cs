namespace PsBill.Connector.Sync.Preview;

/// <summary>What a cycle would do, per record, with totals per action.</summary>
/// <param name="Rows">One row per record read, suppliers first.</param>
public sealed record SyncPreviewReport(IReadOnlyList<PreviewRow> Rows)
{
    /// <summary>How many records each action would take (actions that none would take are left out).</summary>
    public IReadOnlyDictionary<PreviewAction, int> Totals =>
        Rows.GroupBy(r => r.Action).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The count of one action.</summary>
    public int Count(PreviewAction action) => Rows.Count(r => r.Action == action);
}
