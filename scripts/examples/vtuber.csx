// vtuber.csx: a bot that talks. Try it on the console with
//   streambot chat scripts/examples/vtuber.csx
// and type "alice: hi @kit"; the reply is spoken with espeak-ng (Debian package espeak-ng) through
// pacat. With TWITCH_CHANNEL set it joins that Twitch chat instead (see twitch.csx for the other
// TWITCH_* settings). docs/vtuber.md explains the voice and how to route it into OBS.
using ChatBotKit.Speech.Audio;
using ChatBotKit.Speech.Tts;
using ChatBotKit.Twitch;

Bot.WithName("kit")
   .WithAliases("kitbot")
   .WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short)
   .WithFacts("You are kit, a cheerful VTuber who talks with chat on stream.");

Bot.OnMention();

if (Env("TWITCH_CHANNEL") is { } channel)
{
    Bot.AddTwitch(channel, TwitchOptions.FromEnvironment(name => Env(name)));
}

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
    });

// Moderators and the streamer silence the voice with !stop.
Bot.OnStopSpeaking();
