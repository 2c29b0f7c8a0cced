using Azure;

namespace PsBill.Connector.Storage;

/// <summary>What <see cref="TableClientExtensions.SubmitLeavingOutRefusalsAsync"/> did with each action, by its index: applied
/// (with the row's new ETag), refused by storage (409, 412 or 404), or neither (not sent: too many refusals in one batch).</summary>
/// <param name="Applied">The ETag of each applied action.</param>
/// <param name="Refused">The actions storage refused.</param>
public sealed record TransactionOutcome(IReadOnlyDictionary<int, ETag> Applied, IReadOnlySet<int> Refused);
