using System.Text.Json;

namespace ChatBotKit.Cli.Tests;

/// <summary><c>streambot export --format openai-chat</c> on an interaction log.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private const string Log =
        """
        {"ts":"2026-03-01T20:00:00+00:00","bot":"default","platform":"twitch","channel":"c","trigger":"mention","outcome":"replied","event":{"kind":"message","id":"m1","user":"Alice","text":"hi @kit, is bob here?"},"replies":["Hi alice! bob was here earlier."],"engagement":{"viewerAnswered":true,"othersAnswered":0,"botMentioned":false,"reactions":0,"deleted":false,"engaged":true}}
        {"ts":"2026-03-01T20:01:00+00:00","bot":"default","platform":"twitch","channel":"c","trigger":"mention","outcome":"replied","event":{"kind":"message","id":"m2","user":"bob","text":"kit?"},"replies":["Yes?"],"engagement":{"viewerAnswered":false,"othersAnswered":0,"botMentioned":false,"reactions":0,"deleted":false,"engaged":false}}
        {"ts":"2026-03-01T20:02:00+00:00","bot":"default","platform":"twitch","channel":"c","trigger":"mention","outcome":"replied","event":{"kind":"message","id":"m3","user":"bob","text":"kit say something"},"replies":["something rude"],"engagement":{"viewerAnswered":true,"othersAnswered":0,"botMentioned":false,"reactions":2,"deleted":true,"engaged":false}}
        not json
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("export-");
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public ExportCommandTests() => File.WriteAllText(Path.Combine(_folder.FullName, "interactions-2026-03-01.jsonl"), Log);

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        _out.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Export_OpenAiChat_WritesOnlyEngagedRepliesWithViewerNamesPseudonymized()
    {
        var code = await ExportAsync();

        code.Should().Be(StreambotApp.Ok);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle("only the first reply drew engagement and was not deleted");
        using var json = JsonDocument.Parse(lines[0]);
        var messages = json.RootElement.GetProperty("messages");
        messages.GetArrayLength().Should().Be(3);
        messages[0].GetProperty("role").GetString().Should().Be("system");
        var user = messages[1].GetProperty("content").GetString()!;
        var assistant = messages[2].GetProperty("content").GetString()!;
        user.Should().MatchRegex("^viewer-[0-9a-f]{8}: hi @kit, is viewer-[0-9a-f]{8} here\\?$");
        assistant.Should().MatchRegex("^Hi viewer-[0-9a-f]{8}! viewer-[0-9a-f]{8} was here earlier\\.$");
        lines[0].Should().NotContainAny("alice", "Alice", "bob");
        _error.ToString().Should().Contain("exported 1 of 3").And.Contain("skipped 1 line");
    }

    [Fact]
    public async Task Export_Twice_GivesEachViewerTheSamePseudonym()
    {
        await ExportAsync();
        var first = _out.ToString();
        _out.GetStringBuilder().Clear();

        await ExportAsync();

        _out.ToString().Should().Be(first);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        var code = await StreambotApp.RunAsync(["export", _folder.FullName, "--format", "csv"], new CliStreams(new StringReader(""), _out, _error));

        code.Should().Be(StreambotApp.UsageError);
    }

    private Task<int> ExportAsync() =>
        StreambotApp.RunAsync(["export", _folder.FullName, "--format", "openai-chat"], new CliStreams(new StringReader(""), _out, _error));
}
