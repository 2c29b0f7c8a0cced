namespace PsBill.Workflows.Http.Ops.Overview;

/// <summary>What happened since the start of the viewer's day.</summary>
/// <param name="Since">The start of that day.</param>
/// <param name="BillsCreated">Vouchers whose bill was created (or changed) in BILL since then.</param>
/// <param name="PaymentsPosted">Payment allocations posted to PeopleSoft since then.</param>
/// <param name="Parked">Records parked since then.</param>
/// <param name="Failed">Records that failed after every retry since then.</param>
public sealed record TodayCounts(DateTimeOffset Since, int BillsCreated, int PaymentsPosted, int Parked, int Failed);
