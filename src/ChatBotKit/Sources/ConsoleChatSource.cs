using System.Globalization;
using System.Runtime.CompilerServices;
using ChatBotKit.Events;
using ChatBotKit.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Sources;

/// <summary>
/// Chat on the terminal. Each input line <c>name: text</c> is a message from <c>name</c>; a line
/// without such a prefix comes from <see cref="ConsoleChatSourceOptions.DefaultUser"/>; a line
/// starting with <see cref="ConsoleChatSourceOptions.StreamerPrefix"/> (<c>&gt;</c>) comes from the
/// streamer, with the broadcaster role; a text
/// starting with <c>/me</c> and a space is an action; blank lines are skipped. Reading ends at the
/// end of the input. The bot's replies are written as <c>botname: text</c>, one per line.
/// </summary>
/// <remarks>
/// A name is up to 64 letters, digits, <c>_</c>, <c>-</c> or <c>.</c> followed by a colon and a space,
/// so <c>https://…</c> or <c>Jane Doe: hi</c> are text from the default user. Reads run on the
/// thread pool because <see cref="Console.In"/> blocks; a read still waiting when the source is
/// disposed is abandoned.
/// </remarks>
public sealed class ConsoleChatSource : ChatSourceBase
{
    private const int MaxNameLength = 64;
    private readonly LineReader _input;
    private readonly TextWriter _output;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Creates a console source; <see langword="null"/> options use the defaults (stdin, stdout).</summary>
    /// <exception cref="ArgumentException">A setting is empty.</exception>
    public ConsoleChatSource(ConsoleChatSourceOptions? options = null)
        : base(ChatPlatform.Console, PlatformLimits.Default, (options?.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ConsoleChatSource>())
    {
        Options = options ?? new ConsoleChatSourceOptions();
        Options.Validate();
        _input = new LineReader(Options.Input ?? Console.In, offload: true);
        _output = Options.Output ?? Console.Out;
    }

    /// <summary>The source's settings.</summary>
    public ConsoleChatSourceOptions Options { get; }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<ChatEvent> ReadEventsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (ToMessage(line, _input.LineNumber) is { } message)
            {
                yield return message;
            }
        }

        SourceLog.ConsoleInputEnded(Logger, _input.LineNumber);
    }

    /// <inheritdoc />
    protected override async ValueTask<SendResult> SendCoreAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var line = Format(message);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Once started, a line is written whole: a cancelled half-line would garble the next one.
            await _output.WriteLineAsync(line.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            await _output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }

        return SendResult.Sent;
    }

    /// <inheritdoc />
    protected override ValueTask DisposeCoreAsync()
    {
        _input.Abandon();
        return base.DisposeCoreAsync();
    }

    private MessageReceived? ToMessage(string line, long lineNumber)
    {
        var text = line.AsSpan().Trim();
        var user = ChatUser.Named(Options.DefaultUser);
        if (Options.StreamerPrefix is { } prefix && text.StartsWith(prefix, StringComparison.Ordinal))
        {
            user = ChatUser.Named(Options.StreamerName, ChatRoles.Broadcaster);
            text = text[prefix.Length..].TrimStart();
        }
        else if (TrySplitName(text, out var name, out var rest))
        {
            user = ChatUser.Named(name.ToString());
            text = rest;
        }

        var kind = MessageKind.Public;
        if (text.StartsWith("/me", StringComparison.OrdinalIgnoreCase) && (text.Length == 3 || char.IsWhiteSpace(text[3])))
        {
            kind = MessageKind.Action;
            text = text[3..].TrimStart();
        }

        if (text.IsEmpty)
        {
            return null;
        }

        return new MessageReceived
        {
            Platform = Platform,
            Channel = Options.Channel,
            Timestamp = Options.TimeProvider.GetUtcNow(),
            Id = "console-" + lineNumber.ToString(CultureInfo.InvariantCulture),
            User = user,
            Text = text.ToString(),
            MessageKind = kind,
            RawRepresentation = line,
        };
    }

    private static bool TrySplitName(ReadOnlySpan<char> line, out ReadOnlySpan<char> name, out ReadOnlySpan<char> text)
    {
        name = default;
        text = default;
        var colon = line.IndexOf(':');
        if (colon <= 0 || colon > MaxNameLength || (colon + 1 < line.Length && !char.IsWhiteSpace(line[colon + 1])))
        {
            return false;
        }

        foreach (var c in line[..colon])
        {
            if (!char.IsLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        name = line[..colon];
        text = line[(colon + 1)..].TrimStart();
        return true;
    }

    private string Format(OutgoingMessage message)
    {
        // Chat is single-line: control characters (newlines too) become spaces, as they would on a platform.
        var text = TextSanitizer.Clean(message.Text);
        var bot = Options.BotName;
        return message.Kind switch
        {
            MessageKind.Action => $"* {bot} {text}",
            MessageKind.Private => $"{bot} -> {message.Recipient?.DisplayName ?? "?"}: {text}",
            _ => $"{bot}: {text}",
        };
    }
}
