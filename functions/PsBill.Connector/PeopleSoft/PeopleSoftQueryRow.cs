namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// One row of a QAS response with the record aliases stripped from its column names (<c>A.VOUCHER_ID</c> is
/// <c>VOUCHER_ID</c>). When two records of the query give the same field (<c>B.DESCR</c>, <c>C.DESCR</c>) the
/// plain name is ambiguous and only the aliased names answer: the reader never guesses which one was meant.
/// </summary>
public sealed class PeopleSoftQueryRow
{
    private readonly PeopleSoftRowLayout _layout;
    private readonly string?[] _values;

    /// <summary>Creates a row of a known layout: its values in the layout's column order.</summary>
    public PeopleSoftQueryRow(int rowNumber, PeopleSoftRowLayout layout, string?[] values)
    {
        if (values.Length != layout.Names.Count)
            throw new ArgumentException($"Row {rowNumber} has {values.Length} values for {layout.Names.Count} columns.", nameof(values));
        RowNumber = rowNumber;
        _layout = layout;
        _values = values;
    }

    /// <summary>The row's <c>attr:rownumber</c> (1-based).</summary>
    public int RowNumber { get; }

    /// <summary>The value of a column by its plain (or aliased) name; null when it is empty or not selected.</summary>
    /// <exception cref="InvalidOperationException">The plain name is given by two records of the query.</exception>
    public string? this[string column]
    {
        get
        {
            var position = _layout.PositionOf(column);
            return position >= 0 && _values[position] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        }
    }

    /// <summary>True when the query selected this column (by plain or aliased name).</summary>
    public bool Has(string column) => _layout.Has(column);
}
