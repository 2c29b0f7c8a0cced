namespace PsBill.Sandbox.Settlement;

/// <summary>What <see cref="WebhookRelay"/> does with BILL's notifications about one payment.</summary>
public enum WebhookDelivery
{
    /// <summary>Passed on once, as BILL sent it.</summary>
    Once,

    /// <summary>Passed on twice (BILL's retry after a lost answer, or a resend): the second must change nothing.</summary>
    Twice,

    /// <summary>Swallowed: BILL believes it delivered, the connector never sees it. PollPayments must catch it.</summary>
    Lost,
}
