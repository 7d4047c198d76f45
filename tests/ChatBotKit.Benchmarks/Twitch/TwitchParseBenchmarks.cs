using BenchmarkDotNet.Attributes;
using ChatBotKit.Events;
using ChatBotKit.Twitch.Parsing;

namespace ChatBotKit.Benchmarks.Twitch;

/// <summary>
/// Twitch IRC lines into ChatEvents (tags unescaped where read, roles from badges, text, user):
/// the peer-baseline corpus (set TWITCH_CORPUS to the file <c>gen-twitch-corpus.mjs</c> writes; lines
/// are pre-split strings, as in the peers' harness), and one typical PRIVMSG for allocations.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TwitchParseBenchmarks
{
    private const string Privmsg = "@badge-info=subscriber/22;badges=moderator/1,subscriber/12;client-nonce=cd56193132f934ac71b4d5ac488d4bd6;color=#19E6E6;display-name=randers;emotes=;first-msg=0;flags=;id=d831d848-b7c7-4559-ae3a-2cb88f4dbfed;mod=1;returning-chatter=0;room-id=11148817;subscriber=1;tmi-sent-ts=1594555275886;turbo=0;user-id=40286300;user-type=mod :randers!randers@randers.tmi.twitch.tv PRIVMSG #pajlada :hello chat, how is everyone doing today?";

    private readonly TwitchEventParser _parser = new();
    private string[] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Environment.GetEnvironmentVariable("TWITCH_CORPUS");
        _lines = corpus is { Length: > 0 } && File.Exists(corpus)
            ? File.ReadAllLines(corpus)
            : throw new InvalidOperationException("Set TWITCH_CORPUS to the generated corpus (node gen-twitch-corpus.mjs 100000 file.txt).");
        _parser.Parse(Privmsg);
    }

    /// <summary>One pass over the corpus; divide by the line count for one line.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public int ParseCorpus()
    {
        var messages = 0;
        foreach (var line in _lines)
        {
            if (_parser.Parse(line) is MessageReceived)
            {
                messages++;
            }
        }

        return messages;
    }

    /// <summary>One typical PRIVMSG: the event, its user, and the strings it carries.</summary>
    [Benchmark]
    public ChatEvent? ParseOnePrivmsg() => _parser.Parse(Privmsg);
}
