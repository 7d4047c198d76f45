using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Speech.Tts;

/// <summary>
/// Text to speech with espeak-ng: each call runs <c>espeak-ng --stdout</c>, writes the text to its
/// input and reads the WAV it prints to the end (its header carries placeholder sizes). Fast and
/// offline; robotic. <see cref="TextToSpeechOptions.VoiceId"/> and <see cref="TextToSpeechOptions.Speed"/>
/// override the voice and scale the speed per call.
/// </summary>
public sealed class EspeakTextToSpeechClient : ITextToSpeechClient
{
    private readonly EspeakOptions _options;
    private readonly TextToSpeechClientMetadata _metadata;

    /// <summary>Speaks with <paramref name="options"/> (default: English at 175 words a minute).</summary>
    public EspeakTextToSpeechClient(EspeakOptions? options = null)
    {
        _options = options ?? new EspeakOptions();
        _metadata = new TextToSpeechClientMetadata("espeak-ng", null, _options.Voice);
    }

    /// <inheritdoc />
    /// <exception cref="SpeechException">espeak-ng is not installed (<see cref="SpeechException.VoiceUnavailable"/>), or it failed.</exception>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var process = Start(options);
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            var input = process.StandardInput;
            await using (input.ConfigureAwait(false))
            {
                await input.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            await copy.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(copy, errors).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            throw new SpeechException($"espeak-ng stopped before it finished: {e.Message}", e);
        }

        var said = (await errors.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new SpeechException($"espeak-ng failed (exit code {process.ExitCode}): {(said.Length > 0 ? said : "it printed no audio")}");
        }

        return new TextToSpeechResponse([new DataContent(output.ToArray(), "audio/wav")]) { ModelId = "espeak-ng" };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToTextToSpeechResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(TextToSpeechClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private Process Start(TextToSpeechOptions? options)
    {
        var speed = options?.Speed is { } scale and > 0 ? scale : 1f;
        var start = new ProcessStartInfo(_options.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        string[] arguments =
        [
            "--stdout", "-b", "1", "-v", options?.VoiceId ?? _options.Voice,
            "-s", ((int)Math.Round(_options.WordsPerMinute * speed)).ToString(CultureInfo.InvariantCulture),
            .. _options.Pitch is { } pitch ? new[] { "-p", pitch.ToString(CultureInfo.InvariantCulture) } : [],
            "--stdin",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new SpeechException($"{_options.Program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new SpeechException(
                $"{_options.Program} is not installed, so the bot cannot speak: install the Debian package 'espeak-ng' (apt-get install espeak-ng). ({e.Message})",
                e)
            { VoiceUnavailable = true };
        }
    }
}
