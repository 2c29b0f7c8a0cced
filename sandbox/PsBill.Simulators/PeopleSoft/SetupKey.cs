namespace PsBill.Simulators.PeopleSoft;

/// <summary>A GL account or department by SETID: what the sandbox must leave out of BILL.</summary>
public sealed record SetupKey(string SetId, string Id);
