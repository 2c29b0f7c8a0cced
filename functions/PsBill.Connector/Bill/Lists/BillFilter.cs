using System.Globalization;

namespace PsBill.Connector.Bill.Lists;

/// <summary>One list filter, sent as <c>field:op:"value"</c>. Values are always quoted (as BILL's guide shows), so
/// names with commas or colons and ISO-8601 times pass intact.</summary>
public sealed record BillFilter(string Field, BillFilterOperator Operator, string Value)
{
    public static BillFilter Eq(string field, string value) => new(field, BillFilterOperator.Eq, value);
    public static BillFilter StartsWith(string field, string value) => new(field, BillFilterOperator.Sw, value);
    public static BillFilter Eq(string field, bool value) => new(field, BillFilterOperator.Eq, value ? "true" : "false");
    /// <summary>For <c>in</c>/<c>nin</c>: the values joined by commas inside one quoted value.</summary>
    public static BillFilter In(string field, IEnumerable<string> values) => new(field, BillFilterOperator.In, string.Join(',', values));
    public static BillFilter After(string field, DateTimeOffset instant, bool inclusive = false) =>
        new(field, inclusive ? BillFilterOperator.Gte : BillFilterOperator.Gt, FormatInstant(instant));
    public static BillFilter Before(string field, DateTimeOffset instant, bool inclusive = false) =>
        new(field, inclusive ? BillFilterOperator.Lte : BillFilterOperator.Lt, FormatInstant(instant));

    /// <summary>The instant in the ISO-8601 form BILL documents: <c>yyyy-MM-ddTHH:mm:ss.SSSZ</c> in UTC.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The filter as BILL's query syntax.</summary>
    public override string ToString() =>
        $"{Field}:{Operator.ToString().ToLowerInvariant()}:\"{Value.Replace("\"", "", StringComparison.Ordinal)}\"";
}
