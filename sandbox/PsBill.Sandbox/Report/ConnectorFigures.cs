using System.Text.Json.Serialization;

namespace PsBill.Sandbox.Report;

/// <summary>The report's <c>connector</c> object, from the ledger and the poison queue, plus details for the summary.</summary>
public sealed record ConnectorFigures
{
    /// <summary>Ledger rows parked (each with its reason).</summary>
    [JsonPropertyName("parked")] public int Parked { get; init; }

    /// <summary>Items that failed outside parking: keys in the failures table (after every retry), and ledger rows in state failed.</summary>
    [JsonPropertyName("failed")] public int Failed { get; init; }

    /// <summary>The task hub's orchestration instances: every flow page, lane, settlement and replay.</summary>
    [JsonPropertyName("orchestrations")] public OrchestrationFigures Orchestrations { get; init; } = new();

    /// <summary>BILL vendors keyed in before the connector and adopted by a supplier (linked, not created).</summary>
    [JsonPropertyName("adopted_vendors")] public int AdoptedVendors { get; init; }

    /// <summary>Suppliers whose BILL vendor is unsure, waiting for an operator's confirm or reject.</summary>
    [JsonPropertyName("proposed_matches")] public int ProposedMatches { get; init; }

    /// <summary>Bills keyed in before the connector and adopted by a voucher (same invoice number and amounts).</summary>
    [JsonPropertyName("adopted_bills")] public int AdoptedBills { get; init; }

    /// <summary>Ledger rows still in the intent state at the end (should be 0 after a drain).</summary>
    [JsonIgnore] public int Unfinished { get; init; }

    /// <summary>Parked rows per kind and cause, e.g. <c>voucher / Mapping</c> = 6.</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, int> ParkedByCause { get; init; } = new Dictionary<string, int>();

    /// <summary>A few parked reasons, as examples.</summary>
    [JsonIgnore] public IReadOnlyList<string> ParkedExamples { get; init; } = [];

    /// <summary>Why items failed (key and reason).</summary>
    [JsonIgnore] public IReadOnlyList<string> FailedReasons { get; init; } = [];
}
