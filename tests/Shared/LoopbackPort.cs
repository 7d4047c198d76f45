using System.Net;
using System.Net.Sockets;

namespace ChatBotKit.Testing;

/// <summary>
/// Picks a TCP port on 127.0.0.1 that nothing listens on right now, for servers the tests start. The
/// port comes from below Linux's ephemeral range (32768–60999), so no outgoing connection of a parallel
/// test can take it before the server binds it, and a port is never handed out twice in one process.
/// </summary>
public static class LoopbackPort
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly HashSet<int> Given = [];

    /// <summary>Returns a currently free loopback port.</summary>
    public static int GetFree()
    {
        lock (Given)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, Last);
                if (Given.Contains(port) || !IsFree(port))
                {
                    continue;
                }

                Given.Add(port);
                return port;
            }
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
}
