using System.Text.Json.Serialization;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>Where a vendor proposal stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProposalStatus>))]
public enum ProposalStatus
{
    /// <summary>Waiting for an operator; the supplier is parked.</summary>
    Pending,

    /// <summary>The operator said which BILL vendor it is: the next sync adopts it.</summary>
    Confirmed,

    /// <summary>The operator said none is: the next sync creates a new vendor.</summary>
    Rejected,
}
