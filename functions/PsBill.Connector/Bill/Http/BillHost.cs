namespace PsBill.Connector.Bill.Http;

/// <summary>Which BILL host a call goes to.</summary>
internal enum BillHost
{
    /// <summary><c>.../connect</c>: login, vendors, bills, classifications, payments.</summary>
    Api,
    /// <summary><c>.../connect-events</c>: webhook subscriptions.</summary>
    Events,
}
