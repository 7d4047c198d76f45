using System.Globalization;
using ChatBotKit.Controls;
using ChatBotKit.Speech.Pipeline;

namespace ChatBotKit.Speech;

/// <summary>
/// The voice on the dashboard: whether it works, the speech queue (the utterance being heard and
/// those written ahead, waiting to be heard), the last ones heard, and an Interrupt button that
/// silences it as <c>!stop</c> does.
/// </summary>
internal sealed class SpeechControlPanel : IControlPanel
{
    private const int Kept = 5;
    private const string Interrupt = "interrupt";
    private readonly SpeechPipeline _voice;
    private readonly Lock _gate = new();
    private readonly List<UtteranceStarted> _queue = [];
    private readonly Queue<UtteranceStopped> _heard = new();

    public SpeechControlPanel(SpeechPipeline voice)
    {
        _voice = voice;
        voice.UtteranceStarted += (_, started) =>
        {
            lock (_gate)
            {
                _queue.Add(started);
            }
        };
        voice.UtteranceStopped += (_, stopped) =>
        {
            lock (_gate)
            {
                _queue.RemoveAll(s => ReferenceEquals(s.Request, stopped.Request) && s.Text == stopped.Text);
                _heard.Enqueue(stopped);
                if (_heard.Count > Kept)
                {
                    _heard.Dequeue();
                }
            }
        };
    }

    public string Title => "Voice";

    public ControlPanelView Describe()
    {
        var now = _voice.Time.GetUtcNow();
        var health = _voice.Health;
        var lines = new List<ControlPanelLine>
        {
            new("Voice", _voice.CanSpeak ? health.Level.ToString().ToLowerInvariant() : "cannot speak (see the log)"),
            new("Last 5 minutes", string.Create(CultureInfo.InvariantCulture, $"{health.Phrases} phrases, {health.ErrorRate:P0} failed, first audio after {(health.MeanFirstAudioLatency is { } latency ? $"{latency.TotalSeconds:0.0} s" : "n/a")}")),
        };
        lock (_gate)
        {
            foreach (var utterance in _queue)
            {
                lines.Add(new(utterance.StartsAt <= now ? "Speaking" : "Waiting", $"{utterance.Text} ({utterance.Request.Platform}/{utterance.Request.Channel})"));
            }

            if (_queue.Count == 0)
            {
                lines.Add(new("Queue", "silent"));
            }

            foreach (var stopped in _heard.Reverse())
            {
                lines.Add(new(stopped.Interrupted ? "Cut off" : "Heard", stopped.Text));
            }
        }

        return new ControlPanelView(lines, [new ControlAction(Interrupt, "Interrupt")]);
    }

    public Task<string> InvokeAsync(string action, CancellationToken cancellationToken = default) =>
        Task.FromResult(action == Interrupt
            ? string.Create(CultureInfo.InvariantCulture, $"Interrupted; {_voice.Interrupt()} replies stopped.")
            : $"The voice has no action '{action}'.");
}
