using System.Text.Json.Serialization;

namespace PsBill.Connector.Storage.Ledger;

/// <summary>
/// Where a source record stands. An open, string-backed set: the sync and settlement components may add their
/// own states (<c>new LedgerState("settled")</c>) without touching storage.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<LedgerState>))]
public readonly record struct LedgerState(string Value) : IStringValue<LedgerState>
{
    /// <summary>The intent is written and the call to the far side is about to happen, is happening, or its outcome
    /// is unknown: the next attempt must look the object up on the far side before creating it.</summary>
    public static readonly LedgerState Intent = new("intent");

    /// <summary>The far side has the object; <see cref="LedgerEntry.RemoteId"/> holds its id.</summary>
    public static readonly LedgerState Done = new("done");

    /// <summary>The record cannot go until something is fixed (unmapped account, rejected by BILL...); see <see cref="LedgerEntry.ParkedReason"/>.</summary>
    public static readonly LedgerState Parked = new("parked");

    /// <summary>Gave up after retries; needs an operator.</summary>
    public static readonly LedgerState Failed = new("failed");

    /// <inheritdoc />
    public static LedgerState From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
