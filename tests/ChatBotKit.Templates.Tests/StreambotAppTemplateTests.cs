using System.Diagnostics;
using System.Text;

namespace ChatBotKit.Templates.Tests;

/// <summary><c>dotnet new streambot-app</c> from the packed template, built against the packages of this repository.</summary>
[Collection(LocalFeedGroup.Name)]
public sealed class StreambotAppTemplateTests(LocalFeed feed)
{
    [Theory]
    [InlineData("console", null)]
    [InlineData("twitch", "ChatBotKit.Twitch")]
    [InlineData("youtube", "ChatBotKit.YouTube")]
    [InlineData("cytube", "ChatBotKit.CyTube")]
    public async Task EachPlatform_MakesAnAppThatRestoresAndBuilds(string platform, string? connector)
    {
        var folder = Path.Combine(feed.Apps, $"app-{platform}");

        var created = await feed.New("streambot-app", "-n", "pixel", "-o", folder, "--platform", platform, "--chatbotkit-version", feed.Version);

        created.ExitCode.Should().Be(0, created.ToString());
        Directory.Exists(Path.Combine(folder, "obj")).Should().BeTrue("the restore post-action ran");
        var project = File.ReadAllText(Path.Combine(folder, "pixel.csproj"));
        project.Should().Contain($"Include=\"ChatBotKit.Hosting\" Version=\"{feed.Version}\"").And.NotContain("#if");
        foreach (var other in new[] { "ChatBotKit.Twitch", "ChatBotKit.YouTube", "ChatBotKit.CyTube" }.Where(c => c != connector))
        {
            project.Should().NotContain(other);
        }

        var build = await feed.Dotnet(folder, "build", "--no-restore");
        build.ExitCode.Should().Be(0, build.ToString());
    }

    [Fact]
    public async Task TheConsoleApp_AnswersDiceOnItsConsole()
    {
        var folder = Path.Combine(feed.Apps, "app-dice");
        (await feed.New("streambot-app", "-n", "pixel", "-o", folder, "--chatbotkit-version", feed.Version)).ExitCode.Should().Be(0);
        (await feed.Dotnet(folder, "build", "--no-restore", "-o", "out")).ExitCode.Should().Be(0);

        var reply = await FirstReplyAsync(folder, "bob: !dice");

        reply.Should().MatchRegex("^pixel: 🎲 [1-6]$");
    }

    // The app runs until stopped, so the test reads its console until the first reply, then stops it.
    private async Task<string> FirstReplyAsync(string folder, string line)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine("out", "pixel.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var (name, value) in feed.Environment)
        {
            start.Environment[name] = value;
        }

        using var app = Process.Start(start)!;
        try
        {
            await app.StandardInput.WriteLineAsync(line);
            await app.StandardInput.FlushAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await app.StandardOutput.ReadLineAsync(limit.Token) is { } output)
            {
                if (output.StartsWith("pixel:", StringComparison.Ordinal))
                {
                    return output;
                }
            }

            throw new InvalidOperationException($"The app ended without a reply: {await app.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }
}
