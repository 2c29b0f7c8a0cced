namespace PsBill.Connector.Work;

/// <summary>How a handler settled a work item. Every item ends in exactly one of these; nothing is dropped silently.</summary>
public enum WorkOutcomeKind
{
    /// <summary>Everything in the item is done (created, updated, or found already there).</summary>
    Done,

    /// <summary>A transient cause (rate limit, outage): put the item back to run again after a delay.</summary>
    RetryLater,

    /// <summary>The handler parked the item's records with a reason in the ledger and the audit trail; the message is finished.</summary>
    Parked,

    /// <summary>The item cannot be processed and no retry will help: it goes to the poison queue with the reason.</summary>
    Failed,
}
