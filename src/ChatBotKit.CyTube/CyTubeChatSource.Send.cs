using System.Globalization;
using ChatBotKit.Sources;
using NATS.Client.Core;

namespace ChatBotKit.CyTube;

public sealed partial class CyTubeChatSource
{
    /// <inheritdoc />
    protected override async ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var nats = _nats ?? throw new InvalidOperationException("Not connected.");
        var robot = _options.Subjects.RequestReply;
        var command = KrytenCommand.Name(message, robot);
        var correlation = message.CorrelationId.IsEmpty ? CorrelationId.Next() : message.CorrelationId;
        var payload = KrytenCommand.Build(message with { CorrelationId = correlation }, Truncate(message.Text, _options.MaxMessageLength), _options, _time.GetUtcNow());
        var subject = _options.Subjects.CommandsFor(message.Channel, command);
        var headers = new NatsHeaders { ["Correlation-Id"] = correlation.ToString() };
        if (!robot)
        {
            await nats.PublishAsync(subject, payload, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
            CyTubeLog.Sent(Logger, command, message.Channel, correlation.ToString());
            return SendResult.Sent;
        }

        string? error;
        try
        {
            var reply = await nats.RequestAsync<byte[], byte[]>(subject, payload, headers, replyOpts: new NatsSubOpts { Timeout = _options.CommandTimeout }, cancellationToken: cancellationToken).ConfigureAwait(false);
            (_, error) = reply.HasNoResponders ? (false, NoRobot(subject)) : KrytenCommand.ReadReply(reply.Data);
        }
        catch (NatsNoRespondersException)
        {
            error = NoRobot(subject);
        }
        catch (NatsNoReplyException)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"no reply within {_options.CommandTimeout.TotalSeconds:0.#} s");
        }
        catch (NatsException ex)
        {
            error = ex.Message;
        }

        if (error is null)
        {
            CyTubeLog.Sent(Logger, command, message.Channel, correlation.ToString());
            return SendResult.Sent;
        }

        Interlocked.Increment(ref _sendFailures);
        CyTubeLog.SendFailed(Logger, command, message.Channel, correlation.ToString(), error);
        return SendResult.Dropped(error);
    }

    private static string NoRobot(string subject) => "no Kryten robot is listening on " + subject;

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
