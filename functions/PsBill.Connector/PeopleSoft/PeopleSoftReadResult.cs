namespace PsBill.Connector.PeopleSoft;

/// <summary>One record of a read: either a record or the error that kept it from being one, and the checkpoint
/// to persist once the caller has handled it (null for reads that are not incremental).</summary>
public sealed class PeopleSoftReadResult<T> where T : class
{
    private PeopleSoftReadResult(T? record, PeopleSoftRowError? error, PeopleSoftCheckpoint? checkpoint)
    {
        Record = record;
        Error = error;
        Checkpoint = checkpoint;
    }

    /// <summary>The record, or null when <see cref="Error"/> is set.</summary>
    public T? Record { get; }

    /// <summary>Why the rows of this record could not be read, or null when <see cref="Record"/> is set.</summary>
    public PeopleSoftRowError? Error { get; }

    /// <summary>The position after this record.</summary>
    public PeopleSoftCheckpoint? Checkpoint { get; }

    /// <summary>True when <see cref="Record"/> is set.</summary>
    public bool IsSuccess => Record is not null;

    internal static PeopleSoftReadResult<T> Success(T record, PeopleSoftCheckpoint? checkpoint) => new(record, null, checkpoint);

    internal static PeopleSoftReadResult<T> Failure(PeopleSoftRowError error, PeopleSoftCheckpoint? checkpoint) => new(null, error, checkpoint);
}
