using System.Globalization;
using ChatBotKit.Nats;
using ChatBotKit.Sources;

namespace ChatBotKit.CyTube;

public sealed partial class CyTubeChatSource
{
    /// <inheritdoc />
    protected override async ValueTask SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var nats = _nats ?? throw new InvalidOperationException("Not connected.");
        var robot = _options.Subjects.RequestReply;
        var command = KrytenCommand.Name(message, robot);
        var correlation = message.CorrelationId.IsEmpty ? CorrelationId.Next() : message.CorrelationId;
        var payload = KrytenCommand.Build(message with { CorrelationId = correlation }, Truncate(message.Text, _options.MaxMessageLength), _options, _time.GetUtcNow());
        var subject = _options.Subjects.CommandsFor(message.Channel, command);
        var headers = new NatsHeaders().Add("Correlation-Id", correlation.ToString());
        if (!robot)
        {
            await nats.PublishAsync(subject, payload, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
            CyTubeLog.Sent(Logger, command, message.Channel, correlation.ToString());
            return;
        }

        string? error;
        try
        {
            var reply = await nats.RequestAsync(subject, payload, headers, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            (_, error) = KrytenCommand.ReadReply(reply.Data.Span);
        }
        catch (NatsNoRespondersException)
        {
            error = "no Kryten robot is listening on " + subject;
        }
        catch (TimeoutException)
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
            return;
        }

        Interlocked.Increment(ref _sendFailures);
        CyTubeLog.SendFailed(Logger, command, message.Channel, correlation.ToString(), error);
    }

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
