namespace PsBill.Workflows.Http.Ops.Attention;

/// <summary>One record that needs the operator.</summary>
/// <param name="Key">The ledger key (<c>voucher:US001:00012345</c>).</param>
/// <param name="Kind">voucher, supplier or payment.</param>
/// <param name="Cause">The group's name.</param>
/// <param name="Reason">Why, in plain words.</param>
/// <param name="Attempts">How often it was tried (0 when unknown).</param>
/// <param name="At">When it was parked or failed.</param>
/// <param name="RunId">The run that last touched it.</param>
public sealed record AttentionItem(string Key, string Kind, string Cause, string Reason, int Attempts, DateTimeOffset At, string? RunId);
