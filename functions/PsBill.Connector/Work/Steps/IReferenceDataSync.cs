using PsBill.Connector.Storage.Runs;

namespace PsBill.Connector.Work.Steps;

/// <summary>The body of SyncReferenceData: match PeopleSoft GL accounts and departments to BILL, record the mappings, report (or create) what is missing.</summary>
public interface IReferenceDataSync
{
    /// <summary>Syncs once; returns what it saw and did.</summary>
    Task<RunCounts> SyncAsync(RunContext run, CancellationToken cancellationToken = default);
}
