using System.Buffers;
using System.Text;
using ChatBotKit.Nats.Protocol;

namespace ChatBotKit.Nats.Tests.Protocol;

/// <summary>Writes each parsed operation as one readable string.</summary>
internal sealed class RecordingHandler : IProtocolHandler
{
    public List<string> Operations { get; } = [];

    public int Errors { get; private set; }

    public void OnMessage(ReadOnlySpan<byte> subject, int sid, ReadOnlySpan<byte> replyTo, ReadOnlySequence<byte> headers, ReadOnlySequence<byte> payload) =>
        Operations.Add($"MSG {Encoding.UTF8.GetString(subject)} {sid} {Encoding.UTF8.GetString(replyTo)} [{Encoding.UTF8.GetString(headers.ToArray())}] [{Encoding.UTF8.GetString(payload.ToArray())}]");

    public void OnInfo(ReadOnlySpan<byte> json) => Operations.Add("INFO " + Encoding.UTF8.GetString(json));

    public void OnPing() => Operations.Add("PING");

    public void OnPong() => Operations.Add("PONG");

    public void OnServerError(string message) => Operations.Add("ERR " + message);

    public void OnProtocolError(string reason)
    {
        Errors++;
        Operations.Add("BAD " + reason);
    }
}
