using System.Text.Json;
using ChatBotKit.CyTube;
using ChatBotKit.Events;
using ChatBotKit.Sources;

namespace ChatBotKit.CyTube.Tests;

public sealed class KrytenCommandTests
{
    private static JsonElement Sample(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "kryten", file))).RootElement;

    private static JsonElement Build(OutgoingMessage message, CyTubeSubjects subjects) =>
        JsonDocument.Parse(KrytenCommand.Build(message, message.Text, new CyTubeOptions { Subjects = subjects, Domain = "cytu.be" }, DateTimeOffset.UnixEpoch)).RootElement;

    [Fact]
    public void Build_RobotSay_MatchesKrytenRobotTestShapeWithMeta()
    {
        var sample = Sample("Kryten-Robot_test_robot_command_say.json");
        var built = Build(new OutgoingMessage { Channel = "lounge", Text = "Hello World", CorrelationId = new CorrelationId(7) }, CyTubeSubjects.Kryten);

        built.GetProperty("command").GetString().Should().Be(sample.GetProperty("command").GetString());
        built.GetProperty("args").GetProperty("message").GetString().Should().Be(sample.GetProperty("args").GetProperty("message").GetString());
        var meta = built.GetProperty("meta");
        meta.GetProperty("domain").GetString().Should().Be("cytu.be");
        meta.GetProperty("channel").GetString().Should().Be("lounge");
        meta.GetProperty("request_id").GetString().Should().Be(new CorrelationId(7).ToString());
    }

    [Fact]
    public void Build_RobotPm_CommandPmWithRecipient()
    {
        var sample = Sample("Kryten-Robot_test_robot_command_pm.json");
        var built = Build(new OutgoingMessage { Channel = "c", Text = "secret", Kind = MessageKind.Private, Recipient = ChatUser.Named("user1") }, CyTubeSubjects.Kryten);

        built.GetProperty("command").GetString().Should().Be(sample.GetProperty("command").GetString());
        built.GetProperty("args").GetProperty("username").GetString().Should().Be(sample.GetProperty("args").GetProperty("to").GetString());
        built.GetProperty("args").GetProperty("message").GetString().Should().Be("secret");
    }

    [Theory]
    [InlineData("Kryten-Robot_test_legacy_command_chat.json", false)]
    [InlineData("Kryten-Robot_test_legacy_command_pm.json", true)]
    public void Build_Seed001_MatchesLegacyShape(string file, bool pm)
    {
        var sample = Sample(file);
        var text = sample.GetProperty("data").GetProperty("message").GetString()!;
        var message = pm
            ? new OutgoingMessage { Channel = "c", Text = text, Kind = MessageKind.Private, Recipient = ChatUser.Named(sample.GetProperty("data").GetProperty("to").GetString()!) }
            : new OutgoingMessage { Channel = "c", Text = text };

        var built = Build(message, CyTubeSubjects.Seed001);

        built.GetProperty("action").GetString().Should().Be(sample.GetProperty("action").GetString());
        built.GetProperty("data").GetProperty("message").GetString().Should().Be(text);
        if (pm)
        {
            built.GetProperty("data").GetProperty("to").GetString().Should().Be("alice");
        }
    }

    [Theory]
    [InlineData("""{"service":"robot","command":"say","success":true,"data":{}}""", true, null)]
    [InlineData("""{"success":false,"error":"not logged in"}""", false, "not logged in")]
    [InlineData("nope", false, "the reply is not JSON")]
    public void ReadReply_SuccessFlag_Read(string reply, bool success, string? error) =>
        KrytenCommand.ReadReply(System.Text.Encoding.UTF8.GetBytes(reply)).Should().Be((success, error));

    [Fact]
    public void Subjects_Presets_NormaliseChannelsLikeKryten()
    {
        CyTubeSubjects.Kryten.EventsFor("420 Grind.House!").Should().Be("kryten.events.cytube.420-grindhouse.>");
        CyTubeSubjects.Seed001.EventsFor("gaming").Should().Be("cytube.events.gaming.*");
        CyTubeSubjects.Seed001.CommandsFor("gaming", "pm").Should().Be("cytube.commands.gaming.pm");
        CyTubeSubjects.FromName(null).Should().Be(CyTubeSubjects.Kryten);
        CyTubeSubjects.FromName("SEED001").Should().Be(CyTubeSubjects.Seed001);
    }
}
