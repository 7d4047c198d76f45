using ChatBotKit.Sources;
using ChatBotKit.Twitch.Tests.Servers;

namespace ChatBotKit.Twitch.Tests.EventSub;

/// <summary>
/// The fake Twitch API with one user token it accepts, in an environment variable of the test's
/// own, and the source under test; disposing ends the source, then the API, and clears the variables.
/// </summary>
public sealed class EventSubTestHost : IAsyncDisposable
{
    private readonly List<string> _variables = [];

    public EventSubTestHost(string token)
    {
        Api.AddToken(token);
        TokenVariable = Variable("TOKEN", token);
    }

    public FakeTwitchApi Api { get; } = new();

    /// <summary>The variable holding the user token.</summary>
    public string TokenVariable { get; }

    /// <summary>The source to dispose with the host.</summary>
    public IChatSource? Source { get; set; }

    /// <summary>A new environment variable set to <paramref name="value"/>, cleared on disposal; returns its name.</summary>
    public string Variable(string purpose, string? value)
    {
        var name = $"CBK_ES_{purpose}_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, value);
        _variables.Add(name);
        return name;
    }

    /// <summary>EventSub options pointing at the fake, with the token variable.</summary>
    public TwitchOptions Options() => new() { Transport = TwitchTransport.EventSub, TokenVariable = TokenVariable, Endpoints = Api.Endpoints };

    public async ValueTask DisposeAsync()
    {
        if (Source is not null)
        {
            await Source.DisposeAsync();
        }

        await Api.DisposeAsync();
        foreach (var name in _variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
