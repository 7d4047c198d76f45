using System.Text.Json;
using ChatBotKit.Sources;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>
/// Posts the bot's messages with <c>liveChatMessages.insert</c>, one at a time and at least
/// <see cref="YouTubeOptions.SendInterval"/> apart. Each send waits for YouTube's answer, so a
/// refusal comes back as a dropped <see cref="SendResult"/> with YouTube's reason, never a silent drop.
/// </summary>
internal sealed class LiveChatSender(DataApiClient api, Func<string?> liveChatId, YouTubeOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async ValueTask<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (liveChatId() is not { } chatId)
        {
            return NotSent("no live chat is open to post to");
        }

        if (message.Text.Length > options.MaxMessageLength)
        {
            return NotSent($"the message is {message.Text.Length} characters long; YouTube takes at most {options.MaxMessageLength}");
        }

        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            var response = await PostAsync(chatId, message.Text, cancellationToken).ConfigureAwait(false);
            _next = time.GetUtcNow() + options.SendInterval;
            if (response.IsOk)
            {
                YouTubeLog.Sent(logger, chatId);
                return SendResult.Sent;
            }

            return NotSent(response.IsOverBudget
                ? $"the day's Data API budget of {options.DailyQuota} units has no room for an insert ({QuotaCosts.Insert} units)"
                : $"YouTube refused the message ({response.Describe()})");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ChatBotKitException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return NotSent(ex is OperationCanceledException ? "YouTube did not answer in time" : $"the message could not be posted: {ex.Message}");
        }
        finally
        {
            _turn.Release();
        }
    }

    private Task<DataApiResponse> PostAsync(string chatId, string text, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("snippet");
            json.WriteString("liveChatId", chatId);
            json.WriteString("type", "textMessageEvent");
            json.WriteStartObject("textMessageDetails");
            json.WriteString("messageText", text);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return api.PostAsync("liveChat/messages?part=snippet", buffer.ToArray(), QuotaCosts.Insert, "liveChatMessages.insert", cancellationToken);
    }

    public void Dispose() => _turn.Dispose();

    private SendResult NotSent(string reason)
    {
        YouTubeLog.NotSent(logger, reason);
        return SendResult.Dropped(reason);
    }
}
