using PsBill.Connector.Storage.Mappings;

namespace PsBill.Connector.Sync.ReferenceData;

/// <summary>The mappings one reference-data sync derives, before they are stored.</summary>
internal sealed class ReferenceDataPlan(IReadOnlyList<MappingOverride> overrides)
{
    private readonly Dictionary<(string Kind, string Source), MappingOverride> _overrides =
        overrides.GroupBy(o => (o.Kind, o.SourceValue.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>Derived mappings by (kind, source value in upper case).</summary>
    public Dictionary<(string Kind, string Source), Mapping> Wanted { get; } = [];

    /// <summary>Keys (<c>account:SETID:ACCOUNT</c>, ...) that could not be mapped, with why.</summary>
    public List<(string Key, string Reason)> Unmapped { get; } = [];

    /// <summary>Classifications created in BILL.</summary>
    public int CreatedInBill { get; set; }

    /// <summary>Maps a value.</summary>
    public void Map(string kind, string source, string billId, string how) => Wanted[(kind, source.ToUpperInvariant())] = new Mapping(kind, source, billId, how);

    /// <summary>True when a value is mapped already.</summary>
    public bool Has(string kind, string source) => Wanted.ContainsKey((kind, source.ToUpperInvariant()));

    /// <summary>Applies the override for a value, if the file has one.</summary>
    public bool TryOverride(string kind, string source)
    {
        if (!_overrides.TryGetValue((kind, source.ToUpperInvariant()), out var o)) return false;
        Map(kind, o.SourceValue, o.BillId, $"override, line {o.Line} of the overrides file");
        return true;
    }

    /// <summary>Overrides for values PeopleSoft did not list (or that matching skipped) still apply.</summary>
    public void ApplyRemainingOverrides()
    {
        foreach (var o in _overrides.Values)
        {
            if (!Has(o.Kind, o.SourceValue)) Map(o.Kind, o.SourceValue, o.BillId, $"override, line {o.Line} of the overrides file");
        }
    }
}
