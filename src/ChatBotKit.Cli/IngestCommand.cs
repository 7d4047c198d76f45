using System.CommandLine;
using ChatBotKit.Nats;
using ChatBotKit.Nats.Bus;
using ChatBotKit.Sources;
using NATS.Client.Core;

namespace ChatBotKit.Cli;

/// <summary>
/// <c>streambot ingest</c>: the ingest side of the scale-out bus. Each stdin line <c>name: text</c> is a
/// viewer message on the console platform; it is published to <c>chatbotkit.events.console.{channel}</c>
/// for the workers (<c>streambot run</c> on a script with <c>Bot.AddNatsBus(...)</c>), and their replies
/// are written to stdout as <c>bot: text</c>. Runs until the input ends or Ctrl+C/SIGTERM.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliStreams io)
    {
        var nats = new Option<string>("--nats") { Description = "The NATS server(s), comma-separated (default $NATS_URL, else nats://127.0.0.1:4222); credentials and TLS files from NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_NKEY, NATS_CREDS, NATS_CA, NATS_CERT, NATS_KEY.", HelpName = "url" };
        var channel = new Option<string>("--channel") { Description = "The channel the console messages belong to (default 'console').", HelpName = "name" };
        var command = new Command("ingest", "Publish each stdin line 'name: text' to the scale-out bus for 'run' workers (Bot.AddNatsBus) and write their replies to stdout.") { nats, channel };
        command.SetAction((r, ct) => RunAsync(io, r.GetValue(nats), r.GetValue(channel), ct));
        return command;
    }

    public static async Task<int> RunAsync(CliStreams io, string? natsUrl, string? channel, CancellationToken cancellationToken)
    {
        NatsOpts opts;
        try
        {
            opts = (NatsConnectionOptions.FromEnvironment(natsUrl) with { Name = "chatbotkit-ingest" }).ToNatsOpts();
        }
        catch (ArgumentException e)
        {
            io.Error.WriteLine($"streambot: --nats: {e.Message}");
            return StreambotApp.UsageError;
        }

        await using var connection = new NatsConnection(opts);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NatsException e)
        {
            io.Error.WriteLine($"streambot: cannot reach NATS at {opts.Url}: {e.Message}");
            return StreambotApp.ScriptError;
        }

        await using var source = new ConsoleChatSource(new ConsoleChatSourceOptions { Input = io.In, Output = io.Out, Channel = channel ?? "console" });
        await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var ingest = new ChatBusIngest(connection, source);
        io.Status($"ingest is publishing stdin to NATS at {opts.Url}; replies from the workers appear here. Ctrl+C stops.");
        try
        {
            await ingest.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        io.Status($"ingest stopped: {ingest.Published} event(s) published, {ingest.Replies} repl(ies) sent.");
        return StreambotApp.Ok;
    }
}
