using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>What to do with one record (one key) and, to send it, the BILL payload with its hash.</summary>
/// <typeparam name="TPayload">The BILL model sent (<c>Vendor</c>, <c>VendorBill</c>).</typeparam>
public sealed record SyncPlan<TPayload> where TPayload : class
{
    /// <summary>The ledger key.</summary>
    public required string Key { get; init; }

    /// <summary>What should happen.</summary>
    public required SyncAction Action { get; init; }

    /// <summary>The payload to send (for <see cref="SyncAction.Send"/>).</summary>
    public TPayload? Payload { get; init; }

    /// <summary>The payload's hash: an unchanged hash means nothing to send.</summary>
    public string? Hash { get; init; }

    /// <summary>What is recorded to find the object in BILL again (name, invoice number, vendor id).</summary>
    public SyncDetail Detail { get; init; } = new();

    /// <summary>Why (for archive, skip, park, retry), in plain words naming the record and the field.</summary>
    public string? Reason { get; init; }

    /// <summary>Why a parked record is parked.</summary>
    public ParkCause? Cause { get; init; }

    /// <summary>What identifies the record beyond the payload, for recognizing a hand-keyed BILL object (never stored).</summary>
    public Adoption.MatchKeys? MatchKeys { get; init; }

    /// <summary>False when BILL cannot hold a hand-keyed copy (a bill for a vendor PsBill created itself): no lookup before the create.</summary>
    public bool MayExistInBill { get; init; } = true;

    /// <summary>Send <paramref name="payload"/>.</summary>
    public static SyncPlan<TPayload> Send(string key, TPayload payload, SyncDetail detail) =>
        new() { Key = key, Action = SyncAction.Send, Payload = payload, Hash = PayloadHash.Of(payload), Detail = detail };

    /// <summary>Archive the BILL object, if any.</summary>
    public static SyncPlan<TPayload> Archive(string key, string reason) => new() { Key = key, Action = SyncAction.Archive, Reason = reason };

    /// <summary>Nothing to do, for this reason.</summary>
    public static SyncPlan<TPayload> Skip(string key, string reason) => new() { Key = key, Action = SyncAction.Skip, Reason = reason };

    /// <summary>Park with a reason.</summary>
    public static SyncPlan<TPayload> Park(string key, string reason, ParkCause cause) =>
        new() { Key = key, Action = SyncAction.Park, Reason = reason, Cause = cause };

    /// <summary>Try again later.</summary>
    public static SyncPlan<TPayload> Retry(string key, string reason) => new() { Key = key, Action = SyncAction.Retry, Reason = reason };
}
