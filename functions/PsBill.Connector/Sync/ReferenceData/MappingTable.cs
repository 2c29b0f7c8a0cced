using PsBill.Connector.Storage.Mappings;

namespace PsBill.Connector.Sync.ReferenceData;

/// <summary>The mappings as one work item sees them: read once per item, looked up per line.</summary>
public sealed class MappingTable
{
    private readonly Dictionary<string, Dictionary<string, string>> _byKind;

    /// <summary>A table of the given mappings.</summary>
    public MappingTable(IEnumerable<Mapping> mappings) =>
        _byKind = mappings.GroupBy(m => m.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(m => m.SourceValue, m => m.BillId, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);

    /// <summary>Reads every mapping kind the sync uses.</summary>
    public static async Task<MappingTable> LoadAsync(MappingStore store, CancellationToken cancellationToken = default)
    {
        var all = new List<Mapping>();
        foreach (var kind in MappingKinds.All) all.AddRange(await store.ListAsync(kind, cancellationToken).ConfigureAwait(false));
        return new MappingTable(all);
    }

    /// <summary>The BILL id of a source value, or null when it is not mapped.</summary>
    public string? Find(string kind, string sourceValue) =>
        _byKind.TryGetValue(kind, out var values) && values.TryGetValue(sourceValue, out var id) ? id : null;
}
