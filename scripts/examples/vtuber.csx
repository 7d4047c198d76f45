// vtuber.csx: a VTuber bot that talks and drives an avatar in VTube Studio. Try it on the console:
//   streambot chat scripts/examples/vtuber.csx
// and type "alice: hi @kit" (the reply is spoken with espeak-ng, Debian package espeak-ng, through
// pacat), "alice: !expression happy" or "bob: !motion wave". No chat platform is needed: the console
// is the chat, and the avatar still moves. With TWITCH_CHANNEL set it joins that Twitch chat instead
// (see twitch.csx for the other TWITCH_* settings).
//
// VTube Studio: turn on "Allow Plugin API access" in its settings; the first start shows a popup
// asking to allow the plugin "ChatBotKit", and the token it grants is kept in your user folder
// (~/.config/streambot/vtubestudio-tokens.json), so it asks only once. VTS_ENDPOINT points at it
// (absent: ws://localhost:8001). While VTube Studio is not running the bot chats on and keeps trying
// to reach it. docs/vtuber.md explains the voice, how to route it into OBS, expressions and lip sync.
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Tts;
using ChatBotKit.Twitch;
using ChatBotKit.VTubeStudio;

Bot.WithName("kit")
   .WithAliases("kitbot")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("You are kit, a cheerful VTuber who talks with chat on stream.");

Bot.OnMention();

if (Env("TWITCH_CHANNEL") is { } channel)
{
    Bot.AddTwitch(channel, TwitchOptions.FromEnvironment(name => Env(name)));
}

// ── Avatar ───────────────────────────────────────────────────────────────────────────────
// !expression takes a name (an expression of the model, its file, or a toggle hotkey) or its
// number in the model's list, and shows it for 10 s; !motion plays an animation hotkey. Unknown
// names are answered with the names that exist. Emotions map to expressions here.
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

// ── Speech ───────────────────────────────────────────────────────────────────────────────
// SPEECH_TTS: "espeak" (default, offline) or the /v1 base URL of an OpenAI-compatible speech
//             server such as Kokoro-FastAPI (http://localhost:8880/v1); SPEECH_VOICE picks a voice.
// SPEECH_DEVICE: the PulseAudio/PipeWire sink to play to, e.g. a null sink "streambot" that OBS
//             captures; SPEECH_TO: a folder to write one WAV file per utterance instead.
var speechSink = Env("SPEECH_TO") is { } folder
    ? (IAudioSink)new WavFileAudioSink(folder)
    : new ProcessAudioSink(new ProcessAudioSinkOptions { Device = Env("SPEECH_DEVICE") }, Log);
Bot.WithSpeech(
    SpeechBackends.FromSetting(Env("SPEECH_TTS"), Env("SPEECH_VOICE")),
    speechSink,
    log: Log,
    pipeline: voice =>
    {
        // Each saved version of this script gets its own voice; the old one stops with its version.
        OnStop(_ => voice.DisposeAsync().AsTask());

        // The avatar follows the voice: the mouth moves with each utterance's loudness, and the
        // emotion the model tagged it with ([happy]…) shows as an expression.
        voice.UtteranceStarted += (_, utterance) =>
        {
            _ = avatar.LipSync.SpeakAsync(utterance.Envelope, utterance.StartsAt);
            if (utterance.Emotion is { } emotion)
            {
                _ = avatar.ShowEmotionAsync(emotion);
            }
        };
    });

// The model tags its lines with these emotions; they are taken out of chat and speech.
Bot.WithEmotionTags("happy", "sad", "angry", "surprised");

// Moderators and the streamer silence the voice with !stop.
Bot.OnStopSpeaking();
