namespace PsBill.Simulators.PeopleSoft;

/// <summary>One result row as the QAS sends it: aliased column names (<c>A.VOUCHER_ID</c>) in select order, values
/// that are text, numbers or null.</summary>
internal sealed class QasRow : List<KeyValuePair<string, object?>>
{
    /// <summary>Adds a column; a raw override for its plain name (a malformed value) wins over the typed value.</summary>
    public QasRow Add(string aliasedColumn, object? value, IReadOnlyDictionary<string, string?>? overrides)
    {
        var plain = aliasedColumn[(aliasedColumn.IndexOf('.') + 1)..];
        Add(new KeyValuePair<string, object?>(aliasedColumn, overrides is not null && overrides.TryGetValue(plain, out var raw) ? raw : value));
        return this;
    }
}
