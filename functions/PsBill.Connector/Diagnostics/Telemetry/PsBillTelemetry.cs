using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PsBill.Connector.Diagnostics.Telemetry;

/// <summary>
/// PsBill's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, with the names of their spans, instruments and
/// attributes in one place. Attributes carry record keys, operations and outcomes, never a secret, a body or a header.
/// Exporters are chosen by <see cref="TelemetryServiceCollectionExtensions.AddPsBillTelemetry"/>.
/// </summary>
public static class PsBillTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "PsBill";

    /// <summary>Every span PsBill starts.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Every instrument PsBill records.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Records created in BILL (vendors, bills) or posted in PeopleSoft (payments); tag <see cref="Tags.Kind"/>.</summary>
    public static readonly Counter<long> RecordsCreated = Meter.CreateCounter<long>("psbill.records.created", "{record}", "Records created on the far side");

    /// <summary>Records parked with a reason; tag <see cref="Tags.Kind"/>.</summary>
    public static readonly Counter<long> RecordsParked = Meter.CreateCounter<long>("psbill.records.parked", "{record}", "Records parked with a reason");

    /// <summary>Records whose work item failed outside parking; tag <see cref="Tags.Kind"/>.</summary>
    public static readonly Counter<long> RecordsFailed = Meter.CreateCounter<long>("psbill.records.failed", "{record}", "Records that failed outside parking");

    /// <summary>BILL call attempts; tags <see cref="Tags.Operation"/> and <see cref="Tags.Outcome"/> (ok, or BILL's error code).</summary>
    public static readonly Counter<long> BillCalls = Meter.CreateCounter<long>("psbill.bill.calls", "{call}", "BILL call attempts by outcome");

    /// <summary>How long a BILL call waited for a gate slot (3 per organization).</summary>
    public static readonly Histogram<double> GateWait = Meter.CreateHistogram<double>("psbill.bill.gate.wait", "s", "Time a BILL call waited for a gate slot");

    /// <summary>How long a flow's orchestration waited for one of the BillGate slots (the Durable entity lock) before its BILL work.</summary>
    public static readonly Histogram<double> SlotWait = Meter.CreateHistogram<double>("psbill.bill.slot.wait", "s", "Time an orchestration waited for a BillGate slot");

    /// <summary>PeopleSoft calls (queries and component interfaces); tags <see cref="Tags.Operation"/> and <see cref="Tags.Outcome"/>.</summary>
    public static readonly Counter<long> PeopleSoftCalls = Meter.CreateCounter<long>("psbill.peoplesoft.calls", "{call}", "PeopleSoft calls by outcome");

    /// <summary>Span names.</summary>
    public static class Spans
    {
        public const string Poll = "psbill.poll";
        public const string Sync = "psbill.sync";
        public const string Record = "psbill.record";
        public const string Settle = "psbill.settle";
        public const string PeopleSoftRead = "peoplesoft.read";
        public const string PeopleSoftPost = "peoplesoft.post";
        public const string GateWait = "bill.gate.wait";
        public const string SlotWait = "bill.gate.slot.wait";
        public const string BillCall = "bill.call";
    }

    /// <summary>Attribute and tag names.</summary>
    public static class Tags
    {
        public const string RecordKey = "psbill.record.key";
        public const string RecordKeys = "psbill.record.keys";
        public const string Kind = "psbill.record.kind";
        public const string Step = "psbill.step";
        public const string Outcome = "psbill.outcome";
        public const string Operation = "psbill.operation";
        public const string RunId = "psbill.run.id";
        public const string Slot = "psbill.gate.slot";
        public const string Instance = "psbill.instance.id";
    }

    /// <summary>Outcome values.</summary>
    public static class Outcomes
    {
        public const string Ok = "ok";
        public const string Error = "error";
    }
}
