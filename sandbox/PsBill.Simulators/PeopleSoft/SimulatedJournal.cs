namespace PsBill.Simulators.PeopleSoft;

/// <summary>A journal created through the journal CI (<c>PS_JRNL_HEADER</c> + <c>PS_JRNL_LN</c>).</summary>
public sealed record SimulatedJournal(
    string BusinessUnit,
    string JournalId,
    DateOnly JournalDate,
    string LedgerGroup,
    string Source,
    string Description,
    IReadOnlyList<SimulatedJournalLine> Lines);
