using Azure;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>The parts of a claimed intent row that outlive a create: its ETag (the write after the call is checked
/// against it), when it was written, the attempt count and run it carries.</summary>
/// <param name="ETag">The row's ETag when claimed.</param>
/// <param name="At">When the intent was written.</param>
/// <param name="Attempts">The row's attempt count.</param>
/// <param name="RunId">The run on the row.</param>
public sealed record ClaimedIntent(string ETag, DateTimeOffset At, int Attempts, string? RunId)
{
    /// <summary>Of a claimed row.</summary>
    public static ClaimedIntent Of(LedgerEntry claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return new ClaimedIntent(claimed.ETag.ToString(), claimed.UpdatedAt, claimed.Attempts, claimed.RunId);
    }

    /// <summary>The intent row of <paramref name="key"/> as claimed, for an ETag-checked write that replaces every field a
    /// create's result sets (state, BILL id, hash, reason, detail) and keeps the rest (attempts, run).</summary>
    public LedgerEntry Row(string key) =>
        new() { Key = key, State = LedgerState.Intent, Attempts = Attempts, RunId = RunId, UpdatedAt = At, ETag = new ETag(ETag) };

    /// <summary>True when <paramref name="current"/> is still the row as claimed.</summary>
    public bool Matches(LedgerEntry current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.ETag == new ETag(ETag);
    }
}
