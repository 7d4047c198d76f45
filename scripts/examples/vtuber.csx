// vtuber.csx: the example VTuber bot, driving an avatar in VTube Studio. Try it with
//   streambot chat scripts/examples/vtuber.csx
// and type lines like "alice: !expression happy" or "bob: !motion wave". No chat platform is needed:
// the console is the chat, and the avatar still moves.
//
// VTube Studio: turn on "Allow Plugin API access" in its settings; the first start shows a popup
// asking to allow the plugin "ChatBotKit", and the token it grants is kept in your user folder
// (~/.config/streambot/vtubestudio-tokens.json), so it asks only once. VTS_ENDPOINT points at it
// (absent: ws://localhost:8001). While VTube Studio is not running the bot chats on and keeps trying
// to reach it. docs/vtuber.md explains the set-up, expressions and lip sync.
using ChatBotKit.VTubeStudio;

Bot.WithName("kit")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("This is the ChatBotKit example VTuber.");

Bot.OnMention();

// VTube Studio. !expression takes a name (an expression of the model, its file, or a toggle
// hotkey) or its number in the model's list, and shows it for 10 s; !motion plays an animation
// hotkey. Unknown names are answered with the names that exist. Emotions (from the speech
// pipeline, or avatar.ShowEmotionAsync in code) map to expressions here.
var avatar = new VTubeStudioAvatar(
    VTubeStudioOptions.FromEnvironment(name => Env(name)),
    new VTubeStudioAvatarOptions
    {
        Emotions = new Dictionary<string, string>
        {
            ["happy"] = "happy",
            ["sad"] = "sad",
            ["angry"] = "angry",
            ["surprised"] = "surprised",
        },
    },
    Log);
Bot.AddAvatarCommands(avatar, cooldown: TimeSpan.FromSeconds(5));
OnStart(avatar.StartAsync);
OnStop(avatar.StopAsync);
