namespace PsBill.Connector.Storage.Audit;

/// <summary>One step of one item, as the operator reads it: "2026-11-24 07:31 bill.create ok: bill 00n01... created".</summary>
/// <param name="Key">The item's source key (the ledger key).</param>
/// <param name="At">When the step happened.</param>
/// <param name="Step">What was done, dotted and stable (<c>ledger.intent</c>, <c>bill.create</c>, <c>work.retry</c>).</param>
/// <param name="Outcome">How it ended (<c>ok</c>, <c>parked</c>, <c>retry</c>, <c>failed</c>, ...).</param>
/// <param name="Detail">Plain words for the operator; never a secret.</param>
/// <param name="RunId">The run the step belongs to, if any.</param>
public sealed record AuditEntry(string Key, DateTimeOffset At, string Step, string Outcome, string? Detail = null, string? RunId = null);
