namespace PsBill.Connector.PeopleSoft;

/// <summary>Thrown inside a record mapper to stop reading one record; the reader turns it into a <see cref="PeopleSoftRowError"/>.</summary>
internal sealed class RowFault(string field, string reason) : Exception($"{field} {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;

    public static string Required(PeopleSoftQueryRow row, string column) =>
        row[column] ?? throw new RowFault(column, "is missing");

    public static decimal Amount(PeopleSoftQueryRow row, string column) =>
        PeopleSoftValues.TryAmount(Required(row, column), out var amount) ? amount : throw new RowFault(column, $"'{row[column]}' is not an amount");

    public static int Number(PeopleSoftQueryRow row, string column) =>
        PeopleSoftValues.TryInt(Required(row, column), out var number) ? number : throw new RowFault(column, $"'{row[column]}' is not a number");

    public static DateOnly Date(PeopleSoftQueryRow row, string column) =>
        PeopleSoftValues.TryDate(Required(row, column), out var date) ? date : throw new RowFault(column, $"'{row[column]}' is not a date (yyyy-MM-dd)");

    public static DateOnly? OptionalDate(PeopleSoftQueryRow row, string column) =>
        row[column] is null ? null : Date(row, column);
}
