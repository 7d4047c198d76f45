using System.Text.Json.Nodes;
using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.VTubeStudio.Tests;

public sealed class VTubeStudioClientAuthenticationTests : VTubeStudioTestBase
{
    [Fact]
    public async Task Start_NoKeptToken_AsksOnceKeepsTheTokenOwnerOnlyAndAuthenticates()
    {
        var client = NewClient();
        await client.StartAsync();

        var model = await client.GetCurrentModelAsync();

        model.Should().Be(new VTubeStudioModel(true, "My Currently Loaded Model", "UniqueIDToIdentifyThisModelBy"));
        RequestTypes().Should().Equal("AuthenticationTokenRequest", "AuthenticationRequest", "CurrentModelRequest");
        var asked = Vts.Requests[0];
        asked.Data["pluginName"]!.GetValue<string>().Should().Be("ChatBotKit");
        asked.Data["pluginDeveloper"]!.GetValue<string>().Should().Be("streambot");
        asked.Frame["apiName"]!.GetValue<string>().Should().Be(FakeVTubeStudio.Recorded("AuthenticationTokenRequest")["apiName"]!.GetValue<string>());
        Vts.Requests[1].Data["authenticationToken"]!.GetValue<string>().Should().Be(Vts.ValidToken);
        new VTubeStudioTokenStore(TokenFile).Load(TokenKey).Should().Be(Vts.ValidToken);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(TokenFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Start_KeptToken_AuthenticatesWithoutAskingTheStreamer()
    {
        KeepValidToken();
        var client = NewClient();

        await client.GetCurrentModelAsync();

        RequestTypes().Should().Equal("AuthenticationRequest", "CurrentModelRequest");
        client.IsReady.Should().BeTrue();
    }

    [Fact]
    public async Task Start_RevokedToken_AsksForANewOneAndKeepsItInstead()
    {
        new VTubeStudioTokenStore(TokenFile).Save(TokenKey, "revoked-token");
        var client = NewClient();

        await client.GetCurrentModelAsync();

        RequestTypes().Should().Equal("AuthenticationRequest", "AuthenticationTokenRequest", "AuthenticationRequest", "CurrentModelRequest");
        Vts.Requests[0].Data["authenticationToken"]!.GetValue<string>().Should().Be("revoked-token");
        Vts.Requests[2].Data["authenticationToken"]!.GetValue<string>().Should().Be(Vts.ValidToken);
        new VTubeStudioTokenStore(TokenFile).Load(TokenKey).Should().Be(Vts.ValidToken);
    }

    [Fact]
    public async Task Start_StreamerDenies_StopsAskingAndRequestsSayWhy()
    {
        Vts.AnswerNext("AuthenticationTokenRequest", _ => FakeVTubeStudio.Error(50, "User has denied API access for your plugin."));
        var client = NewClient();

        var act = () => client.GetCurrentModelAsync();

        (await act.Should().ThrowAsync<VTubeStudioException>()).Which.ErrorId.Should().Be(VTubeStudioErrorId.TokenRequestDenied);
        RequestTypes().Should().Equal("AuthenticationTokenRequest");
        new VTubeStudioTokenStore(TokenFile).Load(TokenKey).Should().BeNull();
    }

    [Fact]
    public async Task Start_TokenFileNotJson_KeepsRetryingWithoutAskingAndLeavesTheFileAlone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TokenFile)!);
        await File.WriteAllTextAsync(TokenFile, "{ not json");
        var client = NewClient(Options with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        (await client.Invoking(c => c.GetCurrentModelAsync()).Should().ThrowAsync<VTubeStudioException>()).WithMessage("*is not connected*");

        Vts.Requests.Should().BeEmpty("no popup is shown while the kept tokens cannot be read");
        (await File.ReadAllTextAsync(TokenFile)).Should().Be("{ not json");
    }

    [Fact]
    public void TokenStore_KeysByAddressAndPluginNames()
    {
        var store = new VTubeStudioTokenStore(TokenFile);
        store.Save("a", "token-a");
        store.Save("b", "token-b");
        store.Remove("a");

        store.Load("a").Should().BeNull();
        store.Load("b").Should().Be("token-b");
        VTubeStudioTokenStore.KeyFor(new VTubeStudioOptions()).Should().Be("ws://localhost:8001 ChatBotKit / streambot");
        JsonNode.Parse(File.ReadAllText(TokenFile))!.AsObject().Select(p => p.Key).Should().Equal("b");
    }
}
