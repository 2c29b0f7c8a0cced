namespace PsBill.Connector.Storage;

/// <summary>The logical tables PsBill needs; components add their own with <see cref="StorageServiceCollectionExtensions.AddPsBillTable"/>.</summary>
public sealed class StorageLayout
{
    private readonly HashSet<string> _tables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The logical table names to create at start.</summary>
    public IReadOnlyCollection<string> Tables => _tables;

    /// <summary>Adds a logical table name (idempotent).</summary>
    public StorageLayout AddTable(string logicalName)
    {
        _tables.Add(logicalName);
        return this;
    }
}
