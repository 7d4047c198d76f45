using System.ClientModel;
using ChatBotKit.Speech.Audio;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Speech.Pipeline;

/// <summary>
/// Turns one phrase into audio through an <see cref="ITextToSpeechClient"/>, within a time limit.
/// Every way it can go wrong (timeout, HTTP error, HTML, audio cut short) ends in a
/// <see cref="SpeechException"/> with a message a streamer can act on.
/// </summary>
internal sealed class PhraseSynthesizer(ITextToSpeechClient client, TextToSpeechOptions? options, TimeSpan timeout, TimeProvider time)
{
    private readonly string _source = client.GetService(typeof(TextToSpeechClientMetadata)) is TextToSpeechClientMetadata { ProviderName: { } name } ? name : "the text-to-speech server";

    public async Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        TextToSpeechResponse response;
        try
        {
            response = await client.GetAudioAsync(text, options?.Clone(), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SpeechException($"{_source} gave no audio within {timeout.TotalSeconds:0.#} s.");
        }
        catch (ClientResultException e) when (e.Status == 0)
        {
            throw new SpeechException($"{_source} could not be reached or broke off: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (ClientResultException e)
        {
            throw new SpeechException($"{_source} refused the phrase (HTTP {e.Status}): {FirstLine(e.Message)}", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new SpeechException($"{_source} could not be reached or broke off: {e.Message}", e);
        }

        var data = response.Contents.OfType<DataContent>().FirstOrDefault()
            ?? throw new SpeechException($"{_source} answered without audio.");
        return WavDecoder.Decode(data.Data.Span, _source);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
