using System.Text;

namespace PsBill.Connector.Storage;

/// <summary>
/// Table keys may not contain <c>/ \ # ?</c> or control characters. Source keys (PeopleSoft ids, BILL ids) almost
/// never do, but a vendor id with a slash must not break the ledger: such characters are written as <c>%XX</c>
/// (and <c>%</c> itself too, so the mapping is reversible).
/// </summary>
public static class TableKeys
{
    /// <summary>Makes a value safe as a partition or row key.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape)) return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c)) builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string key) => key.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(key) : key;

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
