using System.Net;
using System.Net.Sockets;
using PsBill.Simulators.Network;

namespace PsBill.Tests.Simulators.Network;

public sealed class LoopbackPortTests
{
    [Fact]
    public void Pick_GivesAPortBelowTheEphemeralRangeThatCanBeBound()
    {
        var port = LoopbackPort.Pick();

        Assert.InRange(port, 1024, LoopbackPort.EphemeralLow() - 1);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
