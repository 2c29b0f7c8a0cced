namespace PsBill.Connector.PeopleSoft;

/// <summary>The consecutive rows of one record (a voucher's distributions, a supplier's addresses, an account's
/// effective-dated rows) and its position in the read. <see cref="Position"/> is null when the record's
/// timestamp did not parse (<see cref="TimestampText"/> says what it was). <see cref="Oversized"/> marks a record that
/// filled a whole response by itself: its rows are cut short and must not be mapped.</summary>
internal sealed record QasRecordGroup(
    IReadOnlyList<PeopleSoftQueryRow> Rows, IReadOnlyList<string> Key, PeopleSoftCheckpoint? Position, string? TimestampText, bool Oversized = false);
