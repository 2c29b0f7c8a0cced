namespace PsBill.Connector.Storage.Mappings;

/// <summary>A PeopleSoft value and the BILL id it maps to, e.g. kind <c>account</c>, source <c>US001:610000</c> -> BILL chart-of-accounts id.</summary>
/// <param name="Kind">What is mapped (<c>account</c>, <c>department</c>, ...).</param>
/// <param name="SourceValue">The PeopleSoft value.</param>
/// <param name="BillId">The BILL id.</param>
/// <param name="Detail">Plain words on how it was matched (by name, by number, created).</param>
/// <param name="UpdatedAt">When it was last written (set by the store).</param>
public sealed record Mapping(string Kind, string SourceValue, string BillId, string? Detail = null, DateTimeOffset UpdatedAt = default);
