namespace PsBill.Connector.PeopleSoft;

/// <summary>The journal PeopleSoft created: its business unit and the JOURNAL_ID it assigned.</summary>
public sealed record PeopleSoftJournalCreated(string BusinessUnit, string JournalId);
