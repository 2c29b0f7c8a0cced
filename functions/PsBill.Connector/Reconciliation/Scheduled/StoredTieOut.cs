namespace PsBill.Connector.Reconciliation.Scheduled;

/// <summary>
/// One stored tie-out (a row of the <c>tieouts</c> table): its figures, or why it could not be made. The whole report (every
/// line) is a blob, read with <see cref="TieOutStore.ReadReportAsync"/>.
/// </summary>
public sealed record StoredTieOut
{
    /// <summary>The id (newest sorts first).</summary>
    public required string Id { get; init; }

    /// <summary>When it was made (or failed).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The PollPayments run it followed, or null when made by hand.</summary>
    public string? RunId { get; init; }

    /// <summary>True when the report was made; false when PeopleSoft or BILL could not be read (<see cref="Error"/>).</summary>
    public bool Made => Error is null;

    /// <summary>Why it could not be made.</summary>
    public string? Error { get; init; }

    /// <summary>The as-of day.</summary>
    public DateOnly? AsOf { get; init; }

    public int Vouchers { get; init; }
    public int Tied { get; init; }
    public int Explained { get; init; }
    public int Unexplained { get; init; }
    public decimal PeopleSoftGross { get; init; }
    public decimal BillAmount { get; init; }
    public decimal BillPaid { get; init; }
    public decimal PeopleSoftPaid { get; init; }

    /// <summary>The totals row's verdict ("ties to the cent", or by how much not).</summary>
    public string? Verdict { get; init; }

    /// <summary>The first unexplained notes (at most <see cref="TieOutStore.MaxExamples"/>), for alerts and lists.</summary>
    public IReadOnlyList<string> UnexplainedExamples { get; init; } = [];

    /// <summary>The blob holding the report, when made.</summary>
    public string? Blob { get; init; }
}
