using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBotKit.Hosting.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbotkit-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_ValidYaml_BindsOptions()
    {
        var yaml = Write("bot.yaml", "ChatBotKit:\n  Http:\n    Enabled: true\n    Endpoint: 0.0.0.0:9090\n  ShutdownTimeout: 00:00:20\n");
        var configuration = new ConfigurationBuilder().AddYamlFile(yaml).Build();

        var options = ChatBotConfiguration.Load(configuration);

        options.Http.Should().Be(new HttpEndpointOptions { Enabled = true, Endpoint = "0.0.0.0:9090" });
        options.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Load_InvalidYamlValue_NamesKeyFileAndLine()
    {
        var yaml = Write("bot.yaml", "# bot\nChatBotKit:\n  Http:\n    Endpoint: nowhere\n");
        var configuration = new ConfigurationBuilder().AddYamlFile(yaml).Build();

        var load = () => ChatBotConfiguration.Load(configuration);

        load.Should().Throw<ChatBotConfigurationException>().Which.Message.Should().Contain($"ChatBotKit:Http:Endpoint ({yaml}(4)): 'nowhere' is not valid; expected host:port");
    }

    [Fact]
    public void Load_ReloadOnHangup_DefaultsToTrueAndRejectsANonBoolean()
    {
        var yaml = Write("bot.yaml", "ChatBotKit:\n  ReloadOnHangup: sometimes\n");
        var configuration = new ConfigurationBuilder().AddYamlFile(yaml).Build();

        var load = () => ChatBotConfiguration.Load(configuration);

        new ChatBotHostingOptions().ReloadOnHangup.Should().BeTrue();
        load.Should().Throw<ChatBotConfigurationException>().Which.Message.Should().Contain($"ChatBotKit:ReloadOnHangup ({yaml}(2)): 'sometimes' is not valid; expected true or false");
    }

    [Fact]
    public void Load_SecretInYaml_RefusedWithEnvironmentVariableName()
    {
        var yaml = Write("bot.yaml", "Twitch:\n  Channels: [a, b]\n  OAuthToken: oauth:abc123\n");
        var configuration = new ConfigurationBuilder().AddYamlFile(yaml).Build();

        var load = () => ChatBotConfiguration.Load(configuration);

        var message = load.Should().Throw<ChatBotConfigurationException>().Which.Message;
        message.Should().Contain($"Twitch:OAuthToken ({yaml}(3)): looks like a secret").And.Contain("TWITCH__OAUTHTOKEN");
        message.Should().NotContain("abc123");
    }

    [Fact]
    public void Load_SecretInJson_RefusedNamingTheFile()
    {
        var json = Write("appsettings.json", """{ "Llm": { "ApiKey": "sk-123" } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(json).Build();

        var load = () => ChatBotConfiguration.Load(configuration);

        load.Should().Throw<ChatBotConfigurationException>().Which.Message.Should().Contain($"Llm:ApiKey ({json}): looks like a secret");
    }

    [Fact]
    public void Load_SecretFromEnvironment_IsAccepted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Twitch:OAuthToken", "oauth:abc")]).Build();

        ChatBotConfiguration.Load(configuration).Should().Be(new ChatBotHostingOptions());
    }

    [Fact]
    public void AddYamlFile_Malformed_ThrowsWithLine()
    {
        var yaml = Write("bot.yaml", "a: [1, 2\nb: c\n");

        var build = () => new ConfigurationBuilder().AddYamlFile(yaml).Build();

        build.Should().Throw<ChatBotConfigurationException>().Which.Message.Should().StartWith($"{yaml}(").And.Contain("not valid YAML");
    }

    [Fact]
    public async Task AddChatBot_InvalidConfiguration_StartFailsNamingTheKey()
    {
        var yaml = Write("bot.yaml", "ChatBotKit:\n  ShutdownTimeout: forever\n");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(yaml);
        builder.Services.AddChatBot(bot => bot.WithName("kit"));
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<ChatBotConfigurationException>()).Which.Message.Should().Contain($"ChatBotKit:ShutdownTimeout ({yaml}(2))");
    }

    [Fact]
    public void AddChatBot_ValidSettings_BindThroughIOptions()
    {
        var yaml = Write("bot.yaml", "ChatBotKit:\n  ShutdownTimeout: 00:00:20\n  ReloadOnHangup: false\n  Http:\n    Endpoint: 0.0.0.0:9090\n");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(yaml);
        builder.Services.AddChatBot(bot => bot.WithName("kit"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<ChatBotHostingOptions>>().Value;

        options.Should().Be(new ChatBotHostingOptions { ShutdownTimeout = TimeSpan.FromSeconds(20), ReloadOnHangup = false, Http = new HttpEndpointOptions { Endpoint = "0.0.0.0:9090" } });
    }

    [Fact]
    public void AddChatBot_InvalidSettings_ReadingTheOptionsNamesTheKeyFileAndLine()
    {
        var yaml = Write("bot.yaml", "ChatBotKit:\n  Http:\n    Enabled: sometimes\n");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddYamlFile(yaml);
        builder.Services.AddChatBot(bot => bot.WithName("kit"));
        using var host = builder.Build();

        var read = () => host.Services.GetRequiredService<IOptions<ChatBotHostingOptions>>().Value;

        read.Should().Throw<ChatBotConfigurationException>().Which.Message.Should().Contain($"ChatBotKit:Http:Enabled ({yaml}(3)): 'sometimes' is not valid");
    }
}
