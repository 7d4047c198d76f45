using ChatBotKit.Sources;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    private readonly List<ChatSourceRegistration> _sources = [];

    /// <summary>The platform connections declared so far, in order.</summary>
    public IReadOnlyList<ChatSourceRegistration> Sources => _sources;

    /// <summary>
    /// Declares a platform connection. Connectors offer friendlier overloads
    /// (<c>AddTwitch</c>, <c>AddCyTube</c>); the host opens the connections, and <c>streambot chat</c>
    /// and <c>replay</c> ignore them.
    /// </summary>
    public ChatBotBuilder AddSource(ChatSourceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        _sources.Add(registration);
        return this;
    }

    private void ValidateSources()
    {
        for (var i = 0; i < _sources.Count; i++)
        {
            var source = _sources[i];
            var path = $"Sources[{i}]";
            Require(!string.IsNullOrWhiteSpace(source.Name), $"{path}.Name", "must not be empty");
            Require(source.Settings is not null, $"{path}.Settings", "must not be null");
            Require(source.Create is not null, $"{path}.Create", "must not be null");
            Require(source.Channels.All(c => !string.IsNullOrWhiteSpace(c)), $"{path}.Channels", "must not contain empty names");
            var first = _sources.FindIndex(s => string.Equals(s.Name, source.Name, StringComparison.OrdinalIgnoreCase));
            Require(first == i, $"{path}.Name", $"'{source.Name}' is already used by Sources[{first}]");
        }
    }
}
