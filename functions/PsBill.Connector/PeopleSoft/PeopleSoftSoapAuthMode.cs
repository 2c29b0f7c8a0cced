namespace PsBill.Connector.PeopleSoft;

/// <summary>How a SOAP call to the PeopleSoft service listening connector proves who it is.</summary>
public enum PeopleSoftSoapAuthMode
{
    /// <summary>A WS-Security <c>UsernameToken</c> (OPRID and password as text) in the SOAP header: PeopleSoft's default.</summary>
    UsernameToken,

    /// <summary>HTTP Basic authentication, where the gateway is set up for it.</summary>
    Basic,
}
