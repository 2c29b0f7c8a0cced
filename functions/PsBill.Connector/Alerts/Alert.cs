namespace PsBill.Connector.Alerts;

/// <summary>One alert: its cause (the once-per-interval key, e.g. <c>failed:voucher:US001:00012345</c> or <c>lag:PollVouchers</c>),
/// a title and plain text naming the record or flow, and the ops page link.</summary>
public sealed record Alert(string Cause, string Title, string Text, Uri? OpsPage);
