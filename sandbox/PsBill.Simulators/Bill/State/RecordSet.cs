using System.Text.Json.Nodes;

namespace PsBill.Simulators.Bill.State;

/// <summary>The stored records of one kind, as BILL's JSON, in creation order. Callers hold the organization's lock.</summary>
internal sealed class RecordSet
{
    private readonly List<JsonObject> _ordered = [];
    private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);

    public int Count => _ordered.Count;

    public IReadOnlyList<JsonObject> All => _ordered;

    public void Add(JsonObject record)
    {
        var id = (string)record["id"]!;
        _byId.Add(id, record);
        _ordered.Add(record);
    }

    public JsonObject? Find(string? id) => id is not null && _byId.TryGetValue(id, out var record) ? record : null;

    public void Remove(string id)
    {
        if (_byId.Remove(id, out var record)) _ordered.Remove(record);
    }
}
