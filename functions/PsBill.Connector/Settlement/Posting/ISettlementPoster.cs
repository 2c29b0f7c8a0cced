namespace PsBill.Connector.Settlement.Posting;

/// <summary>Posts, reverses and finds settlements in one <see cref="SettlementMode"/>. The handler decides what to do;
/// a poster only talks to PeopleSoft (or the staging table).</summary>
public interface ISettlementPoster
{
    /// <summary>The mode this poster implements.</summary>
    SettlementMode Mode { get; }

    /// <summary>Posts the cleared amount; returns what the far side calls the posting.</summary>
    Task<string> PostAsync(SettlementPosting posting, CancellationToken cancellationToken = default);

    /// <summary>Reverses an earlier posting on <paramref name="reversalDate"/>; returns what the far side calls the reversal.</summary>
    Task<string> ReverseAsync(SettlementPosting posting, DateOnly reversalDate, CancellationToken cancellationToken = default);

    /// <summary>False when <see cref="FindAsync"/> cannot look postings up (it answers <see cref="PostingPresence.Unknown"/>):
    /// then a write whose outcome is unknown is parked for an operator instead of being sent again.</summary>
    bool CanFind => true;

    /// <summary>Whether the posting is in force on the far side now.</summary>
    Task<PostingPresence> FindAsync(SettlementPosting posting, CancellationToken cancellationToken = default);
}
