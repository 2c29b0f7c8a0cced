using System.Text.RegularExpressions;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The column names of a QAS row as sent, in order, and where each plain or aliased name finds its value. Every row of a
/// response has the same columns, so the reader works the layout out once and the rows of a page share it: stripping
/// the record aliases with a regular expression and building a dictionary for every row was a fifth of everything the
/// connector allocated during a first load.
/// </summary>
public sealed partial class PeopleSoftRowLayout
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ambiguous = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Works out the layout of columns named as sent (aliased or not).</summary>
    public PeopleSoftRowLayout(IReadOnlyList<string> names)
    {
        _names = [.. names];
        for (var position = 0; position < _names.Length; position++)
        {
            var name = _names[position];
            _positions[name] = position;
            if (RecordAlias().Match(name) is not { Success: true } match) continue;
            // When two records of the query give the same field (B.DESCR, C.DESCR) the plain name is ambiguous and only the
            // aliased names answer: the reader never guesses which one was meant.
            var plain = match.Groups[1].Value;
            if (_positions.ContainsKey(plain) || _ambiguous.Contains(plain))
            {
                _positions.Remove(plain);
                _ambiguous.Add(plain);
            }
            else
            {
                _positions[plain] = position;
            }
        }
    }

    /// <summary>The column names as sent, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The position of a column's value by its plain or aliased name, or -1 when the query did not select it.</summary>
    /// <exception cref="InvalidOperationException">The plain name is given by two records of the query.</exception>
    public int PositionOf(string column)
    {
        if (_ambiguous.Contains(column))
            throw new InvalidOperationException($"Column {column} is selected from two records of the query; select it once.");
        return _positions.TryGetValue(column, out var position) ? position : -1;
    }

    /// <summary>True when the query selected this column (by plain or aliased name).</summary>
    public bool Has(string column) => _positions.ContainsKey(column) || _ambiguous.Contains(column);

    [GeneratedRegex("^[A-Za-z]{1,3}\\.(.+)$")]
    private static partial Regex RecordAlias();
}
