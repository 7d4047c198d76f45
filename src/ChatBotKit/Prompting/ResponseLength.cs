namespace ChatBotKit.Prompting;

/// <summary>How long the bot's replies should be.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Short, Medium and Long are the words streamers use for reply length.")]
public enum ResponseLength
{
    /// <summary>One or two sentences, up to 60 tokens.</summary>
    Short,

    /// <summary>Up to three sentences, up to 120 tokens.</summary>
    Medium,

    /// <summary>Up to five sentences, up to 250 tokens.</summary>
    Long,
}
