namespace PsBill.Connector.Settlement;

/// <summary>How settling one allocation ended.</summary>
public enum AllocationResultKind
{
    /// <summary>Posted (or an earlier posting adopted) and confirmed.</summary>
    Posted,

    /// <summary>A posting was reversed.</summary>
    Reversed,

    /// <summary>Voided before anything was posted: recorded, nothing to do in PeopleSoft.</summary>
    Voided,

    /// <summary>Already in the state BILL asks for (a duplicate delivery, a poll after a webhook, a replay).</summary>
    AlreadySettled,

    /// <summary>Payment not final: recorded in the audit trail only.</summary>
    Pending,

    /// <summary>Parked with a reason for the operator.</summary>
    Parked,

    /// <summary>Try again later (PeopleSoft unavailable, not visible yet, another worker on it).</summary>
    RetryLater,
}
