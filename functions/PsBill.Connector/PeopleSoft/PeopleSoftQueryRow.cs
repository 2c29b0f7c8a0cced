using System.Text.RegularExpressions;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// One row of a QAS response with the record aliases stripped from its column names (<c>A.VOUCHER_ID</c> is
/// <c>VOUCHER_ID</c>). When two records of the query give the same field (<c>B.DESCR</c>, <c>C.DESCR</c>) the
/// plain name is ambiguous and only the aliased names answer: the reader never guesses which one was meant.
/// </summary>
public sealed partial class PeopleSoftQueryRow
{
    private readonly Dictionary<string, string?> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ambiguous = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a row from its column names as sent (aliased or not) and values.</summary>
    public PeopleSoftQueryRow(int rowNumber, IEnumerable<KeyValuePair<string, string?>> columns)
    {
        RowNumber = rowNumber;
        foreach (var (name, value) in columns)
        {
            _columns[name] = value;
            if (RecordAlias().Match(name) is not { Success: true } match) continue;
            var plain = match.Groups[1].Value;
            if (_columns.ContainsKey(plain) || _ambiguous.Contains(plain))
            {
                _columns.Remove(plain);
                _ambiguous.Add(plain);
            }
            else
            {
                _columns[plain] = value;
            }
        }
    }

    /// <summary>The row's <c>attr:rownumber</c> (1-based).</summary>
    public int RowNumber { get; }

    /// <summary>The value of a column by its plain (or aliased) name; null when it is empty or not selected.</summary>
    /// <exception cref="InvalidOperationException">The plain name is given by two records of the query.</exception>
    public string? this[string column]
    {
        get
        {
            if (_ambiguous.Contains(column))
                throw new InvalidOperationException($"Column {column} is selected from two records of the query; select it once.");
            return _columns.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        }
    }

    /// <summary>True when the query selected this column (by plain or aliased name).</summary>
    public bool Has(string column) => _columns.ContainsKey(column) || _ambiguous.Contains(column);

    [GeneratedRegex("^[A-Za-z]{1,3}\\.(.+)$")]
    private static partial Regex RecordAlias();
}
