namespace PsBill.Connector.Settlement;

/// <summary>The logical names of the tables settlement adds (created at start through <c>AddPsBillTable</c>).</summary>
public static class SettlementTables
{
    /// <summary>Staged settlements for <c>psbill settlements export</c>.</summary>
    public const string Settlements = "settlements";

    /// <summary>Webhook event ids already seen (dedup of BILL's deliveries).</summary>
    public const string WebhookEvents = "webhookevents";

    /// <summary>BILL bill id -> voucher key.</summary>
    public const string BillVouchers = "billvouchers";
}
