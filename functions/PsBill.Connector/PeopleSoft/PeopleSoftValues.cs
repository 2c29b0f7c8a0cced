using System.Globalization;

namespace PsBill.Connector.PeopleSoft;

/// <summary>Parses PeopleSoft's text forms of numbers, dates and timestamps, strictly: a value that is not
/// clearly one is refused, never guessed (a "12,34" is not 1234).</summary>
internal static class PeopleSoftValues
{
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint |
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowExponent;

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd-HH.mm.ss.ffffff", "yyyy-MM-dd-HH.mm.ss.fff", "yyyy-MM-dd-HH.mm.ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
    ];

    public static bool TryAmount(string? text, out decimal amount) =>
        decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out amount);

    public static bool TryInt(string? text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>A date as <c>yyyy-MM-dd</c>, also when a time part follows.</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return text is { Length: >= 10 } &&
               (text.Length == 10 || text[10] is 'T' or ' ' or '-') &&
               DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A timestamp in PeopleSoft's own text (<c>2024-01-15-10.30.00.000000</c>) or ISO 8601. An offset, if
    /// sent, is dropped: checkpoints compare PeopleSoft's clock with itself and never convert it.</summary>
    public static bool TryTimestamp(string? text, out DateTime timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp))
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            timestamp = withOffset.DateTime;
            return true;
        }
        return false;
    }

    public static string FormatTimestamp(DateTime timestamp, string format) =>
        timestamp.ToString(format, CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatAmount(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
