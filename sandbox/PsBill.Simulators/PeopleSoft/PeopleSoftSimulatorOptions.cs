namespace PsBill.Simulators.PeopleSoft;

/// <summary>How to start a <see cref="PeopleSoftSimulator"/>.</summary>
public sealed class PeopleSoftSimulatorOptions
{
    /// <summary>The Integration Broker node in the URLs. Default <c>PSFT_EP</c>.</summary>
    public string Node { get; set; } = "PSFT_EP";

    /// <summary>The one OPRID the simulator accepts. Default <c>PSBILL</c>.</summary>
    public string OperatorId { get; set; } = "PSBILL";

    /// <summary>Its password. Default <c>sim-password</c>.</summary>
    public string Password { get; set; } = "sim-password";

    /// <summary>The data to start with; when null, <see cref="PeopleSoftDataGenerator"/> makes it from <see cref="Generator"/>.</summary>
    public PeopleSoftDataSet? Data { get; set; }

    /// <summary>What to generate when <see cref="Data"/> is null.</summary>
    public PeopleSoftGeneratorOptions Generator { get; set; } = new();

    /// <summary>The clock for last-changed timestamps of changes made after start. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The seed of the chaos failures. Default 7.</summary>
    public int FaultSeed { get; set; } = 7;

    /// <summary>The payment CI name. Default <c>PSB_VCHR_PYMNT</c>.</summary>
    public string PaymentComponentInterface { get; set; } = "PSB_VCHR_PYMNT";

    /// <summary>The payment CI's write operation and message shape. Default <see cref="PaymentCiShape.UpdateDataCollection"/>.</summary>
    public PaymentCiShape PaymentShape { get; set; } = PaymentCiShape.UpdateDataCollection;

    /// <summary>Columns a query leaves out, by query name then plain column name: a customer's query built without
    /// them (how tests check that the connector names a missing column). Default none.</summary>
    public IDictionary<string, string[]> OmittedColumns { get; set; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>The journal CI name. Default <c>PSB_JOURNAL</c>.</summary>
    public string JournalComponentInterface { get; set; } = "PSB_JOURNAL";
}
