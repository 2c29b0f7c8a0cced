namespace PsBill.Simulators.PeopleSoft;

/// <summary>Which calls a fault burst hits.</summary>
public enum PeopleSoftFaultTarget
{
    /// <summary>Any call.</summary>
    Any,

    /// <summary>QAS queries (REST).</summary>
    Queries,

    /// <summary>Component Interface calls (SOAP).</summary>
    ComponentInterfaces,
}
