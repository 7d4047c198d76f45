using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ChatBotKit.Events;
using ChatBotKit.Twitch.EventSub;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>
/// Mutated recorded frames through parsing, routing and mapping: no exception may escape. A million
/// by default (about 15 s); <c>CBK_EVENTSUB_FUZZ_COUNT</c> sets another count.
/// </summary>
public sealed class EventSubFuzzTests
{
    [Fact]
    public void Route_MillionMutatedRecordedFrames_NeverThrows()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("CBK_EVENTSUB_FUZZ_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var seeds = Seeds();
        var random = new Random(17);
        var events = Channel.CreateUnbounded<ChatEvent>();
        var router = new EventSubRouter(events.Writer, _ => null, NullLogger.Instance);
        var mapped = 0;

        for (var i = 0; i < count; i++)
        {
            var json = Mutate(seeds[random.Next(seeds.Count)], random);
            if (EventSubFrame.Parse(json, out _) is { } frame)
            {
                router.Route(frame);
            }

            while (events.Reader.TryRead(out var evt))
            {
                evt.Channel.Should().NotBeNull();
                evt.GetTwitchEmotes().Should().NotBeNull();
                mapped++;
            }
        }

        mapped.Should().BePositive("some mutations leave a frame that still maps");
    }

    private static List<string> Seeds() =>
    [
        .. EventSubTestData.AllFiles.Where(f => Path.GetFileName(f).StartsWith("eventsub_ws_", StringComparison.Ordinal)).Select(File.ReadAllText),
        .. EventSubTestData.AllFiles.Where(f => Path.GetFileName(f).StartsWith("eventsub_channel", StringComparison.Ordinal))
            .Select(f => EventSubTestData.Notification(Path.GetFileName(f)).ToJsonString()),
    ];

    // Byte flips, cut-offs, swapped values and kinds, duplicated or removed spans.
    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(7))
            {
                case 0:
                    text[at] = (char)random.Next(0x20, 0x7F);
                    break;
                case 1:
                    text.Length = at;
                    break;
                case 2:
                    text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at));
                    break;
                case 3:
                    text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 60), text.Length - at)));
                    break;
                case 4:
                    text.Replace("\"1\"", random.Next(2) == 0 ? "1" : "null");
                    break;
                case 5:
                    text.Replace("null", random.Next(2) == 0 ? "{}" : "[\"\uD83D\"]");
                    break;
                default:
                    text.Replace("\"text\"", "\"emote\"");
                    break;
            }
        }

        return text.ToString();
    }
}
