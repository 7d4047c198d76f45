using System.Net;
using System.Net.Sockets;

namespace ChatBotKit.Testing;

/// <summary>Picks a TCP port on 127.0.0.1 that nothing listens on right now, for servers the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>Returns a currently free loopback port.</summary>
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
