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
//
// Autonomous mode: when chat is quiet the bot starts talking about a topic every 10 minutes, it thanks
// follows, subscriptions, raids and cheers, celebrates follow milestones, and its mood (moved by those
// events, relaxing with time) colours its replies and its resting face. As the streamer, type a line
// starting with ">" on the console (or write in your own chat): "> !say Back in five!" says exactly
// that, "> !react we beat the boss" lets the model react, "> !llm offline" switches the language
// model by hand and "> !llm auto" gives the choice back.
using ChatBotKit.AI;
using ChatBotKit.AI.Switching;
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Tts;
using ChatBotKit.Twitch;
using ChatBotKit.VTubeStudio;

Bot.WithName("kit")
   .WithAliases("kitbot")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("You are kit, a cheerful VTuber who talks with chat on stream.");

// ── Language model modes ─────────────────────────────────────────────────────────────────
// The first mode that works writes the replies: LLM_API_MODEL (an OpenAI model, key in
// OPENAI_API_KEY), then LLM_LOCAL_MODEL (a model of a local Ollama), then offline templates. A mode
// that fails (or takes over 20 s) rests 30 s while the next one answers, and the bot returns to it
// once it answers again. --llm on the command line puts one model in place of all of this.
List<LlmMode> modes = [];
if (Env("LLM_API_MODEL") is { } apiModel)
{
    modes.Add(new("api", LlmClient.Create(LlmPreset.OpenAI, apiModel)));
}

if (Env("LLM_LOCAL_MODEL") is { } localModel)
{
    modes.Add(new("local", LlmClient.Create(LlmPreset.Ollama, localModel)));
}

modes.Add(new("offline", new OfflineChatClient("kit")));
var llm = new ModeSwitchingChatClient(modes, modeTimeout: TimeSpan.FromSeconds(20), logger: Log);
Bot.UseChatClient(llm).OnLlmModeCommand(llm);
OnStop(llm.Dispose);

// ── Autonomous mode ──────────────────────────────────────────────────────────────────────
// One scale of priorities (ReplyPriority) for everything a reply does: what the streamer asks for
// (2) comes first, thanks for events (1) are not cut short by chat, replies to chat (0) interrupt
// idle chatter (-1). Milestones come before the plain thanks for the same follow.
var mood = new BotMood();
Bot.WithMood(mood)
   .OnStreamerInput()
   .OnMilestone("follow", [10, 25, 50, 100], "new followers")
   .OnFollow()
   .OnSubscription()
   .OnRaid()
   .OnCheer(minBits: 100)
   .OnMention()
   .OnContextual(TimeSpan.FromMinutes(2))
   .OnIdleChatter(TimeSpan.FromMinutes(10), ["the game on stream", "favourite snacks while streaming", "what chat did this weekend", "music to stream to"]);

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
            ["excited"] = "happy",
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

// The mood is the avatar's resting face, beneath chat's !expression and the emotions it speaks with.
avatar.FollowMood(mood);

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

        // The face follows what is heard: when a reply is cut short (idle chatter that a reply to
        // chat interrupts), its emotion goes with it.
        voice.UtteranceStopped += (_, utterance) =>
        {
            if (utterance.Interrupted)
            {
                avatar.Expressions.Clear(avatar.Settings.EmotionPriority);
            }
        };
    });

// The model tags its lines with these emotions; they are taken out of chat and speech.
Bot.WithEmotionTags("happy", "sad", "angry", "surprised");

// Moderators and the streamer silence the voice with !stop.
Bot.OnStopSpeaking();
