namespace PsBill.Connector.Storage;

/// <summary>A logical table a component needs created at start; see <see cref="StorageServiceCollectionExtensions.AddPsBillTable"/>.</summary>
/// <param name="LogicalName">Letters and digits, e.g. <c>settlements</c> (stored as <c>{prefix}settlements</c>).</param>
public sealed record StorageTableRegistration(string LogicalName);
