using System.Text.Json.Nodes;
using PsBill.Connector.Storage.Audit;

namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>Everything about one record: what PeopleSoft sent, where the ledger has it, the bill in BILL, every payment
/// posted back, and the audit trail of all of its keys, oldest first.</summary>
/// <param name="Key">The record's ledger key.</param>
/// <param name="Kind">voucher, supplier or payment.</param>
/// <param name="Ledger">Its ledger row, or null when it has none (only an audit trail).</param>
/// <param name="Source">The PeopleSoft record as last read (the snapshot), or null.</param>
/// <param name="Withdrawn">True when the record stopped qualifying in PeopleSoft.</param>
/// <param name="Bill">The bill as BILL holds it now, or null.</param>
/// <param name="BillProblem">Why the bill could not be read, when it could not.</param>
/// <param name="Payments">Payments posted back to it (vouchers), or the payment itself.</param>
/// <param name="Related">Keys of the records it belongs with (a payment's voucher, a voucher's payments).</param>
/// <param name="Trail">The audit trail of the record and its payments, oldest first.</param>
public sealed record RecordView(
    string Key,
    string Kind,
    LedgerView? Ledger,
    JsonNode? Source,
    bool Withdrawn,
    BillView? Bill,
    string? BillProblem,
    IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<string> Related,
    IReadOnlyList<AuditEntry> Trail);
