namespace ChatBotKit.Filters;

/// <summary>
/// One step that cleans up or vets a reply before it is sent. Filters run in order; each sees
/// the output of the one before. A filter may change the text, split it into several messages
/// (every later filter then sees each message), or reject the whole reply with a reason.
/// </summary>
public interface IResponseFilter
{
    /// <summary>A short name used in decisions and metrics (<c>markdown</c>, <c>duplicate</c>, …).</summary>
    string Name { get; }

    /// <summary>Filters one message of the reply.</summary>
    FilterResult Apply(string text, ResponseFilterContext context);
}
