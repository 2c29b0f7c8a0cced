using System.Text.Json.Serialization;
using PsBill.Simulators.Bill;

namespace PsBill.Sandbox.Report;

/// <summary>The <c>--report</c> JSON, field for field as DESIGN.md defines it. Every figure comes from the simulators' own
/// state, except <c>connector</c>, which is read from the connector's ledger and poison queue.</summary>
public sealed record SandboxReport
{
    [JsonPropertyName("suppliers")] public int Suppliers { get; init; }
    [JsonPropertyName("vouchers")] public int Vouchers { get; init; }
    [JsonPropertyName("approved_vouchers")] public int ApprovedVouchers { get; init; }
    [JsonPropertyName("bill")] public BillSimulatorFigures Bill { get; init; } = new();
    [JsonPropertyName("peoplesoft")] public PeopleSoftReportFigures PeopleSoft { get; init; } = new();
    [JsonPropertyName("connector")] public ConnectorFigures Connector { get; init; } = new();
    [JsonPropertyName("reconciliation")] public ReconciliationFigures Reconciliation { get; init; } = new();
    [JsonPropertyName("elapsed_seconds")] public double ElapsedSeconds { get; init; }
    [JsonPropertyName("phases")] public IReadOnlyList<PhaseFigures> Phases { get; init; } = [];

    /// <summary>True when nothing was duplicated in BILL, no item failed outside parking, and the tie-out has no unexplained line.</summary>
    [JsonIgnore]
    public bool Passed => Bill.DuplicateVendors == 0 && Bill.DuplicateBills == 0 && Connector.Failed == 0 && PeopleSoft.DuplicatePayments == 0
                          && Reconciliation.Error is null && Reconciliation.Unexplained == 0;
}
