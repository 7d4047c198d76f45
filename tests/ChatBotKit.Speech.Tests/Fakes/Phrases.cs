using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ChatBotKit.Speech.Tests.Fakes;

/// <summary>Phrases as the engine feeds them: all at once, or one by one as the test writes them.</summary>
public static class Phrases
{
    public static async IAsyncEnumerable<ReplyPhrase> Of(params string[] texts)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return new ReplyPhrase(text);
        }
    }

    public static Channel<ReplyPhrase> Live() => Channel.CreateUnbounded<ReplyPhrase>();

    public static async IAsyncEnumerable<ReplyPhrase> From(Channel<ReplyPhrase> channel, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var phrase in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return phrase;
        }
    }

    public static SpeechRequest Request(int priority = 0, string id = "r1") =>
        new() { Platform = "console", Channel = "console", Trigger = "mention", CorrelationId = id, Priority = priority };
}
