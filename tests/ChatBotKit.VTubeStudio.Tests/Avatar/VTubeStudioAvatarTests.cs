using System.Text.Json.Nodes;
using ChatBotKit.AI;
using ChatBotKit.Events;
using ChatBotKit.Triggers;

namespace ChatBotKit.VTubeStudio.Tests.Avatar;

/// <summary>The avatar and its chat commands against the fake VTube Studio.</summary>
public sealed class VTubeStudioAvatarTests : VTubeStudioTestBase
{
    private VTubeStudioAvatar _avatar = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Vts.Expressions = [Expression("happy"), Expression("angry")];
        KeepValidToken();
        _avatar = Own(new VTubeStudioAvatar(Options, new VTubeStudioAvatarOptions
        {
            Emotions = new Dictionary<string, string> { ["joy"] = "happy" },
            Expressions = new Dictionary<string, AvatarExpression> { ["blush"] = AvatarExpression.FromHotkey("blush", "My first hotkey") },
        }));
        await _avatar.StartAsync();
    }

    [Fact]
    public async Task ExpressionCommand_ModelExpressionName_ActivatesItsFile()
    {
        var reply = await RunCommandAsync("!expression Happy");

        reply.Should().BeNull("the avatar obeying is the answer");
        var sent = await Vts.WaitForAsync("ExpressionActivationRequest");
        sent.Data["expressionFile"]!.GetValue<string>().Should().Be("happy.exp3.json");
        sent.Data["active"]!.GetValue<bool>().Should().BeTrue();
        _avatar.Expressions.Current!.File.Should().Be("happy.exp3.json");
    }

    [Fact]
    public async Task ExpressionCommand_NumberOrConfiguredHotkey_ResolvesBoth()
    {
        (await RunCommandAsync("!expression 2")).Should().BeNull();
        (await Vts.WaitForAsync("ExpressionActivationRequest")).Data["expressionFile"]!.GetValue<string>().Should().Be("angry.exp3.json");

        (await RunCommandAsync("!expression blush")).Should().BeNull();
        (await Vts.WaitForAsync("HotkeyTriggerRequest")).Data["hotkeyID"]!.GetValue<string>().Should().Be("My first hotkey");
    }

    [Fact]
    public async Task ExpressionCommand_UnknownName_AnswersWithTheNamesThatExist()
    {
        var reply = await RunCommandAsync("!expression smug");

        reply.Should().Be("There is no expression 'smug'. Expressions: blush, happy, angry, My first hotkey.");
        Vts.Requests.Should().NotContain(r => r.MessageType == "ExpressionActivationRequest");
    }

    [Fact]
    public async Task MotionCommand_AnimationHotkey_TriggersItAndUnknownListsMotions()
    {
        (await RunCommandAsync("!motion my second hotkey")).Should().BeNull();
        (await Vts.WaitForAsync("HotkeyTriggerRequest")).Data["hotkeyID"]!.GetValue<string>().Should().Be("SomeUniqueIdToIdentifyHotkeyWith2");

        (await RunCommandAsync("!motion dance")).Should().Be("There is no motion 'dance'. Motions: My second hotkey.");
        (await RunCommandAsync("!motion")).Should().Be("Usage: !motion <name>");
    }

    [Fact]
    public async Task ShowEmotion_MappedEmotion_ShowsItsExpressionAboveChat()
    {
        (await _avatar.ShowEmotionAsync("JOY")).Should().BeTrue();
        (await _avatar.ShowEmotionAsync("boredom")).Should().BeFalse();

        (await Vts.WaitForAsync("ExpressionActivationRequest")).Data["expressionFile"]!.GetValue<string>().Should().Be("happy.exp3.json");
        (await RunCommandAsync("!expression angry")).Should().BeNull();
        _avatar.Expressions.Current!.Name.Should().Be("happy", "an emotion outranks a chat command while it lasts");
    }

    [Fact]
    public async Task ExpressionCommand_AfterReconnect_LooksTheModelUpAgain()
    {
        (await RunCommandAsync("!expression happy")).Should().BeNull();
        await Vts.WaitForAsync("ExpressionActivationRequest");
        Vts.Expressions = [Expression("sleepy")];

        await Vts.DropAllAsync();
        await Vts.WaitForAsync("AuthenticationRequest", 2);
        await _avatar.Client.GetCurrentModelAsync(); // returns once the new session is ready

        (await RunCommandAsync("!expression sleepy")).Should().BeNull();
        (await Vts.WaitForAsync("ExpressionActivationRequest", 2)).Data["expressionFile"]!.GetValue<string>().Should().Be("sleepy.exp3.json");
    }

    private async Task<string?> RunCommandAsync(string text)
    {
        var bot = new ChatBotBuilder("kit").AddAvatarCommands(_avatar, cooldown: TimeSpan.Zero);
        var message = new MessageReceived
        {
            Platform = ChatPlatform.Console,
            Channel = "console",
            User = ChatUser.Named("alice"),
            Text = text,
            Timestamp = DateTimeOffset.UnixEpoch,
        };
        var trigger = bot.Triggers.OfType<CommandTrigger>().Single(t => t.TryParse(text, out _));
        var context = new ReplyContext
        {
            Event = message,
            Trigger = trigger,
            Bot = new BotIdentity("kit"),
            History = [],
            ChatClient = new OfflineChatClient("kit"),
            Now = DateTimeOffset.UnixEpoch,
            Random = new Random(1),
            CorrelationId = CorrelationId.Next(),
        };
        return await trigger.Handler!(context, CancellationToken.None);
    }

    private static JsonObject Expression(string name) => new()
    {
        ["name"] = name,
        ["file"] = name + ".exp3.json",
        ["active"] = false,
    };
}
