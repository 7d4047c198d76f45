namespace ChatBotKit.Speech.Pipeline;

/// <summary>Cuts a phrase that is too long to speak as one utterance at word boundaries.</summary>
internal static class PhraseSplitter
{
    public static IEnumerable<string> Split(string text, int maxLength)
    {
        var rest = text.AsMemory().Trim();
        while (rest.Length > maxLength)
        {
            var cut = rest.Span[..maxLength].LastIndexOf(' ');
            var end = cut > maxLength / 2 ? cut : maxLength;
            yield return rest[..end].Trim().ToString();
            rest = rest[end..].Trim();
        }

        if (!rest.IsEmpty)
        {
            yield return rest.ToString();
        }
    }
}
