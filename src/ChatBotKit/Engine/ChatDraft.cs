namespace ChatBotKit.Engine;

/// <summary>
/// A chat message cut from a streamed reply, before the filters: its text, and whether it is the
/// reply's last allowed message, which the filters cut with "…" rather than split.
/// </summary>
internal readonly record struct ChatDraft(string Text, bool CutsTheRest);
