namespace ChatBotKit.Text;

/// <summary>
/// FNV-1a over UTF-16 code units: the same value in every process, unlike
/// <see cref="string.GetHashCode()"/>, for choices that must repeat from run to run.
/// </summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
