namespace PsBill.Simulators.Bill;

/// <summary>A vendor as the simulator holds it.</summary>
public sealed record SimulatedVendor(string Id, string Name, bool Archived, DateTimeOffset CreatedTime);
