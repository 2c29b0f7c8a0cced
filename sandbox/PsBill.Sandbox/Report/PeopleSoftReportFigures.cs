using System.Text.Json.Serialization;

namespace PsBill.Sandbox.Report;

/// <summary>The report's <c>peoplesoft</c> object, from the PeopleSoft simulator's own payment records.</summary>
public sealed record PeopleSoftReportFigures
{
    [JsonPropertyName("payments_recorded")] public int PaymentsRecorded { get; init; }
    [JsonPropertyName("duplicate_payments")] public int DuplicatePayments { get; init; }
}
