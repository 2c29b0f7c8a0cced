using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PsBill.Simulators.Network;

/// <summary>
/// A loopback port for a process that binds it later, or binds it again after a restart (the connector's child process,
/// a restartable Azurite). A port the kernel hands out for port 0 comes from its ephemeral range, which is also where every
/// outgoing connection gets its local port: with hundreds of connections open to Azurite and the simulators, such a port can
/// be taken by a client socket between the moment it was picked and the moment the child binds it ("address already in use",
/// seen in CI). So this picks a free port below the ephemeral range, where only explicit binds go.
/// </summary>
public static class LoopbackPort
{
    private const int Lowest = 20_000;
    private const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>A port on 127.0.0.1, outside the kernel's ephemeral range, that was free when picked.</summary>
    /// <exception cref="InvalidOperationException">No free port found in that band.</exception>
    public static int Pick()
    {
        var highest = EphemeralLow() - 1;
        if (highest <= Lowest) return KernelPicked();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {highest}.");
    }

    /// <summary><paramref name="count"/> different ports, each as <see cref="Pick()"/> gives them.</summary>
    public static IReadOnlyList<int> Pick(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count) ports.Add(Pick());
        return [.. ports];
    }

    /// <summary>The first port of the kernel's ephemeral range (where port 0 and outgoing connections take theirs).</summary>
    public static int EphemeralLow()
    {
        try
        {
            var fields = File.ReadAllText(RangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(fields[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768; // Linux's default, and close to every other system's.
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // A system whose whole range is ephemeral: the kernel's pick is the best there is.
    private static int KernelPicked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
