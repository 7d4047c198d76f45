namespace ChatBotKit.VTubeStudio.Tests;

public sealed class VTubeStudioOptionsTests
{
    [Fact]
    public void FromEnvironment_NoEndpoint_UsesVTubeStudiosDefaultPort()
    {
        var options = VTubeStudioOptions.FromEnvironment(_ => null);

        options.Endpoint.Should().Be(new Uri("ws://localhost:8001"));
    }

    [Fact]
    public void FromEnvironment_Endpoint_IsUsed()
    {
        var options = VTubeStudioOptions.FromEnvironment(name => name == "VTS_ENDPOINT" ? " ws://192.168.1.20:8002 " : null);

        options.Endpoint.Should().Be(new Uri("ws://192.168.1.20:8002"));
    }

    [Fact]
    public void FromEnvironment_NotAWebSocketAddress_NamesTheVariable()
    {
        var act = () => VTubeStudioOptions.FromEnvironment(_ => "http://localhost:8001");

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("VTS_ENDPOINT");
    }

    [Fact]
    public void Validate_PluginNameTooShort_NamesTheSetting()
    {
        var act = () => new VTubeStudioClient(new VTubeStudioOptions { PluginName = "ab" });

        act.Should().Throw<ChatBotConfigurationException>().Which.Setting.Should().Be("VTubeStudio.PluginName");
    }
}
