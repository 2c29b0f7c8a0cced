namespace PsBill.Connector.Storage;

/// <summary>The names of everything PsBill keeps in the storage account, derived from one prefix.</summary>
public sealed class StorageNames
{
    /// <summary>Logical table names (the prefix goes in front: <c>psbillledger</c>).</summary>
    public static class Tables
    {
        public const string Ledger = "ledger";
        public const string Audit = "audit";
        public const string Runs = "runs";
        public const string Checkpoints = "checkpoints";
        public const string Mappings = "mappings";
        public const string Failures = "failures";
    }

    public StorageNames(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        Prefix = prefix;
    }

    /// <summary>The configured prefix, e.g. <c>psbill</c>.</summary>
    public string Prefix { get; }

    /// <summary>The container of lease blobs , e.g. <c>psbill-leases</c>.</summary>
    public string LeaseContainer => $"{Prefix}-leases";

    /// <summary>A table's physical name: the prefix and the logical name, alphanumeric (<c>psbillledger</c>).</summary>
    public string Table(string logicalName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        if (!logicalName.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Table name '{logicalName}' must be letters and digits only.", nameof(logicalName));
        return Prefix + logicalName.ToLowerInvariant();
    }
}
