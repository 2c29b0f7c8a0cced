using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Reconciliation;

/// <summary>A settlement ledger row (<c>payment:{paymentId}:{billId}</c>) with the posting it describes.</summary>
public sealed record SettlementRow(LedgerEntry Entry, SettlementPosting Posting);
