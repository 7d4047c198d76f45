using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBotKit.Testing;

namespace ChatBotKit.Cli.Tests;

/// <summary><c>streambot auth twitch</c> as a process against a local stand-in for Twitch's OAuth device flow.</summary>
public sealed class AuthCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _root = Directory.CreateTempSubdirectory("streambot-auth-").FullName;
    private readonly HttpListener _listener = new();
    private readonly List<string> _requests = [];
    private Task _serving = Task.CompletedTask;
    private Uri _oauth = null!;

    public Task InitializeAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _oauth = new Uri($"http://127.0.0.1:{port}/oauth2/");
        _listener.Prefixes.Add(_oauth.ToString());
        _listener.Start();
        _serving = ServeAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _listener.Close();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Twitch_ShowsTheCode_WaitsForApproval_AndStoresTheTokensForItsOwnerOnly()
    {
        using var process = ChildProcess.StartDotnet(_root, Environment("client-123"), Streambot, "auth", "twitch");

        var code = await process.WaitForExitAsync(Patience);

        code.Should().Be(0, process.Output);
        process.Output.Should().Contain("https://www.twitch.tv/activate").And.Contain("WDJB-MJHT").And.NotContain("access-abc");
        var file = Path.Combine(_root, "config", "streambot", "twitch-tokens.json");
        File.ReadAllText(file).Should().Contain("access-abc").And.Contain("refresh-def");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _requests.Should().Contain(r => r.StartsWith("device ", StringComparison.Ordinal) && r.Contains("client_id=client-123", StringComparison.Ordinal) && r.Contains("user%3Awrite%3Achat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Twitch_WithoutAClientId_SaysWhereToGetOne()
    {
        using var process = ChildProcess.StartDotnet(_root, Environment(""), Streambot, "auth", "twitch");

        var code = await process.WaitForExitAsync(Patience);

        code.Should().Be(2);
        process.Output.Should().Contain("--client-id").And.Contain("TWITCH_CLIENT_ID");
    }

    [Fact]
    public async Task Twitch_ForFeatures_AsksForTheirScopes()
    {
        using var process = ChildProcess.StartDotnet(_root, Environment("client-123"), Streambot, "auth", "twitch", "--for", "eventsub", "redemptions");

        var code = await process.WaitForExitAsync(Patience);

        code.Should().Be(0, process.Output);
        var device = _requests.Should().ContainSingle(r => r.StartsWith("device ", StringComparison.Ordinal)).Subject;
        device.Should().Contain("user%3Abot").And.Contain("channel%3Aread%3Aredemptions").And.NotContain("chat%3Aedit").And.NotContain("moderator");
    }

    [Theory]
    [InlineData(null, null, "chat:read chat:edit user:read:chat user:write:chat user:bot moderator:read:followers")]
    [InlineData(new[] { "irc" }, null, "chat:read chat:edit")]
    [InlineData(new[] { "EventSub", "badge" }, null, "user:read:chat user:write:chat user:bot channel:bot")]
    [InlineData(new[] { "irc" }, new[] { "bits:read" }, "bits:read")]
    public void ScopesOf_TheFeaturesChosen(string[]? features, string[]? scopes, string expected) =>
        string.Join(' ', AuthCommand.ScopesOf(features, scopes)).Should().Be(expected);

    private static string Streambot => Path.Combine(AppContext.BaseDirectory, "streambot.dll");

    private Dictionary<string, string> Environment(string clientId) => new()
    {
        ["TWITCH_CLIENT_ID"] = clientId,
        ["TWITCH_OAUTH_URL"] = _oauth.ToString(),
        ["XDG_CONFIG_HOME"] = Path.Combine(_root, "config"),
    };

    // device → a code; the first token poll → authorization_pending; the next → the tokens.
    private async Task ServeAsync()
    {
        var polls = 0;
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            var form = await new StreamReader(context.Request.InputStream).ReadToEndAsync();
            var endpoint = context.Request.Url!.AbsolutePath.Split('/')[^1];
            lock (_requests)
            {
                _requests.Add($"{endpoint} {form}");
            }

            var (status, body) = endpoint switch
            {
                "device" => (200, """{"device_code":"dev-1","expires_in":60,"interval":1,"user_code":"WDJB-MJHT","verification_uri":"https://www.twitch.tv/activate?public=true&device-code=WDJB-MJHT"}"""),
                "token" when ++polls == 1 => (400, """{"status":400,"message":"authorization_pending"}"""),
                "token" => (200, """{"access_token":"access-abc","expires_in":14400,"refresh_token":"refresh-def","scope":["chat:read","user:write:chat"],"token_type":"bearer"}"""),
                _ => (404, "{}"),
            };
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
            context.Response.Close();
        }
    }
}
