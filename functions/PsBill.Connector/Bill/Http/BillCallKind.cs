namespace PsBill.Connector.Bill.Http;

/// <summary>How a call may be repeated, which decides what a lost answer means.</summary>
internal enum BillCallKind
{
    /// <summary>Reads, and writes that give the same result when repeated (PATCH, PUT, archive, restore, logout,
    /// calls carrying an <c>X-Idempotent-Key</c>): a lost answer is retried.</summary>
    Repeatable,
    /// <summary>Creates without an idempotency key: a lost answer is "outcome unknown", never retried blindly.</summary>
    Create,
    /// <summary>The login itself: sent without a session.</summary>
    Login,
}
