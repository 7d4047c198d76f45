using System.Net;
using System.Text.Json.Nodes;
using ChatBotKit.Sources;
using ChatBotKit.Twitch.EventSub;
using ChatBotKit.Twitch.Sending;

namespace ChatBotKit.Twitch.Helix;

/// <summary>
/// Sends the bot's messages through Helix "Send Chat Message" (<c>POST chat/messages</c>), as the
/// bot user. <c>is_sent:false</c> becomes a drop carrying Twitch's reason; 429 waits until
/// <c>Ratelimit-Reset</c> and tries again; any other failure (an HTML error page included) is a
/// drop that says what Twitch answered.
/// </summary>
internal sealed class HelixChatWriter(HelixClient helix, Func<string, string?> broadcasterIdOf, TwitchSendStatistics statistics, TimeProvider time) : ITwitchChatWriter
{
    private const int MaxAttempts = 3;

    public async Task<SendResult> WriteAsync(string channel, string text, string? replyToId, CancellationToken cancellationToken)
    {
        if (broadcasterIdOf(channel) is not { } broadcasterId)
        {
            return SendResult.Dropped($"Twitch does not know the channel '{channel}'");
        }

        var body = new JsonObject { ["broadcaster_id"] = broadcasterId, ["sender_id"] = helix.Credentials.UserId, ["message"] = text };
        if (!string.IsNullOrEmpty(replyToId))
        {
            body["reply_parent_message_id"] = replyToId;
        }

        for (var attempt = 1; ; attempt++)
        {
            HelixResponse response;
            try
            {
                response = await helix.SendAsync(HttpMethod.Post, "chat/messages", body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or ChatBotKitException)
            {
                return SendResult.Dropped($"Helix failed: {ex.Message}");
            }

            if (response.Status == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                var wait = (response.RateLimitReset ?? time.GetUtcNow().AddSeconds(1)) - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return Outcome(response);
        }
    }

    private SendResult Outcome(HelixResponse response)
    {
        var sent = response.Json.Array("data").Items().FirstOrDefault();
        if (response.IsSuccess && sent.Bool("is_sent") == true)
        {
            statistics.CountSent();
            return SendResult.Sent;
        }

        var drop = sent.Object("drop_reason");
        return response.IsSuccess && drop.String("code") is { Length: > 0 } code
            ? SendResult.Dropped($"{code}: {drop.String("message") ?? "no message"}")
            : SendResult.Dropped($"Helix answered {response.Describe()}");
    }
}
