namespace PsBill.Connector.Storage.Ledger;

/// <summary>The result of <see cref="LedgerStore.TryInsertIntentAsync"/>.</summary>
/// <param name="Inserted">True when this call wrote the intent; false when the row was there already.</param>
/// <param name="Entry">The row now in the table (the new intent, or the existing row to decide on).</param>
public sealed record LedgerInsert(bool Inserted, LedgerEntry Entry);
