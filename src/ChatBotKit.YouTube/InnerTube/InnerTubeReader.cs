using System.Net;
using ChatBotKit.YouTube.Parsing;
using ChatBotKit.YouTube.Reading;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube.InnerTube;

/// <summary>
/// Keyless reading: the watch (or live) page gives the client config and the chat, the live-chat
/// page the "Live chat" (all messages) view, and <c>get_live_chat</c> is polled at the pace YouTube
/// asks (<c>timeoutMs</c>), within the options' bounds. No continuation back means the stream is over.
/// </summary>
internal sealed class InnerTubeReader(InnerTubeClient client, VideoTarget target, YouTubeOptions options, ILogger logger) : ILiveChatReader
{
    private LiveChatSession? _session;
    private LiveChatParser? _parser;
    private string? _continuation;

    public async Task<string> OpenAsync(CancellationToken cancellationToken)
    {
        var (session, allMessages) = await client.OpenAsync(target, cancellationToken).ConfigureAwait(false);
        YouTubeLog.ChatFound(logger, session.VideoId, allMessages ? "the Live chat view (all messages)" : "YouTube's default view (the page had no view selector)");
        _parser = _session?.VideoId == session.VideoId ? _parser : new LiveChatParser(session.VideoId);
        (_session, _continuation) = (session, session.Continuation);
        return session.VideoId;
    }

    public async Task<PollResult> PollAsync(CancellationToken cancellationToken)
    {
        var session = _session ?? throw new InvalidOperationException("The chat is not open.");
        var (status, body) = await client.GetLiveChatAsync(session, _continuation!, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            return PollResult.Refused($"HTTP {(int)status}");
        }

        var page = _parser!.Parse(body);
        YouTubeLog.Skipped(logger, page.Problems, page.NewUnknownRenderers);

        if (!page.IsReadable)
        {
            return PollResult.Refused("the answer was not live-chat JSON");
        }

        _continuation = page.Continuation;
        if (_continuation is null)
        {
            YouTubeLog.StreamEnded(logger, session.VideoId);
            return PollResult.Ended("the stream is over", page.Events);
        }

        var asked = page.Timeout ?? options.MaxPollInterval;
        return PollResult.Read(page.Events, TimeSpan.FromTicks(Math.Clamp(asked.Ticks, options.MinPollInterval.Ticks, options.MaxPollInterval.Ticks)));
    }
}
