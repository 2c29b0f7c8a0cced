namespace PsBill.Simulators.PeopleSoft;

/// <summary>A public query the simulated customer built: its name, its unique prompt names (all required, as in
/// Query Manager) and how it selects and orders rows.</summary>
internal sealed record SimulatedQuery(
    string Name,
    IReadOnlyList<string> Prompts,
    Func<PeopleSoftStore, QueryPrompts, IEnumerable<QasRow>> Run);
