namespace PsBill.Simulators.PeopleSoft;

/// <summary>A record the generator spoiled on purpose, and the field the connector should name.</summary>
public sealed record MalformedRecord(string Key, string Field);
