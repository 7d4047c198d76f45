namespace ChatBotKit.Speech.Audio;

/// <summary>
/// Changes the sample rate of a stream of chunks by linear interpolation, carrying its position
/// across chunks so that chunk edges do not click. Good enough for speech.
/// </summary>
internal sealed class LinearResampler(int fromRate, int toRate)
{
    private readonly double _step = (double)fromRate / toRate;
    private double _position;
    private short _previous;

    public short[] Process(ReadOnlySpan<short> input)
    {
        if (fromRate == toRate)
        {
            return input.ToArray();
        }

        var output = new List<short>((int)(input.Length / _step) + 2);
        while (_position < input.Length)
        {
            var index = (int)Math.Floor(_position);
            var fraction = _position - index;
            var before = index == 0 ? _previous : input[index - 1];
            var at = input[index];
            output.Add((short)Math.Round(before + ((at - before) * fraction)));
            _position += _step;
        }

        _position -= input.Length;
        _previous = input.IsEmpty ? _previous : input[^1];
        return [.. output];
    }
}
