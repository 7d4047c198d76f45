using System.Threading.Channels;

namespace ChatBotKit.VTubeStudio.Tests.Avatar;

/// <summary>An avatar driver that writes down what it is asked to do ("on happy", "off neutral", "play wave"), in order.</summary>
internal sealed class RecordingDriver : IAvatarDriver
{
    private readonly Channel<string> _calls = Channel.CreateUnbounded<string>();

    public Task SetExpressionAsync(AvatarExpression expression, bool active, CancellationToken cancellationToken = default)
    {
        _calls.Writer.TryWrite($"{(active ? "on" : "off")} {expression.Name}");
        return Task.CompletedTask;
    }

    public Task PlayMotionAsync(AvatarMotion motion, CancellationToken cancellationToken = default)
    {
        _calls.Writer.TryWrite($"play {motion.Name}");
        return Task.CompletedTask;
    }

    /// <summary>The next <paramref name="count"/> calls, waiting for them.</summary>
    public async Task<string[]> NextAsync(int count = 1)
    {
        var calls = new string[count];
        for (var i = 0; i < count; i++)
        {
            calls[i] = await _calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }

        return calls;
    }

    /// <summary>Whether a call is waiting that <see cref="NextAsync"/> has not taken.</summary>
    public bool HasMore => _calls.Reader.TryPeek(out _);
}
