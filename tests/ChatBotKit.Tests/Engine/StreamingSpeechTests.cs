using ChatBotKit.Engine;
using ChatBotKit.Events;
using ChatBotKit.Prompting;
using ChatBotKit.Speech;
using ChatBotKit.Tests.Fakes;
using ChatBotKit.Triggers;
using Microsoft.Extensions.AI;
using static ChatBotKit.Tests.Fakes.Events;

namespace ChatBotKit.Tests.Engine;

public sealed class StreamingSpeechTests : StreamingEngineTestBase
{
    private readonly RecordingSpeaker _speaker = new();

    [Fact]
    public async Task Speaker_StreamedReply_GetsEachPhraseInOrderWhileTheModelWrites()
    {
        await using var engine = Start(SpeakingBot().AddTrigger(new MentionTrigger { Priority = 3 }).Build());

        engine.Post(Message("a", "kit hi"), Source);
        var call = await Model.NextCallAsync();
        call.Send("Hi there", ", and welcome!", " Glad");
        await _speaker.WaitForPhrasesAsync(2);

        _speaker.Phrases.Select(p => p.Text).Should().Equal("Hi there,", "and welcome!");
        Source.Sent.Should().BeEmpty("the chat message is not full yet");
        call.Send(" you came.");
        call.End();
        await engine.WhenIdleAsync();

        _speaker.Phrases.Select(p => p.Text).Should().Equal("Hi there,", "and welcome!", "Glad you came.");
        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Hi there, and welcome! Glad you came.");
        var request = _speaker.Requests.Should().ContainSingle().Subject;
        request.Should().BeEquivalentTo(new { Platform = "twitch", Channel = "c", Trigger = "mention", Priority = 3 });
        request.CorrelationId.Should().Be(Decisions.Decisions.Single().CorrelationId.ToString());
    }

    [Fact]
    public async Task Speaker_ReplyInterrupted_ContextRecordsWhatWasHeard()
    {
        _speaker.Heard = phrases => new SpokenReply(phrases[0].Text + " …", Interrupted: true);
        await using var engine = Start(SpeakingBot().OnMention().Build());

        await ReplyAsync(engine, "a", "First I say this.", " Then I say that.");
        var prompt = await NextPromptAsync(engine);

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("First I say this. Then I say that.");
        prompt.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).Should().Equal("First I say this. …");
    }

    [Fact]
    public async Task EmotionTags_SplitAcrossTokens_LeaveChatAndSpeechAndTagThePhrasesAfterThem()
    {
        await using var engine = Start(SpeakingBot().WithEmotionTags("happy", "sad").WithFilters(f => f with { StripMarkdown = false }).OnMention().Build());

        engine.Post(Message("a", "kit hi"), Source);
        var call = await Model.NextCallAsync();
        call.Send("[ha", "ppy] Hello", " there! [S", "AD", "] That is [unknown] sad.", " [hap");
        call.End();
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Hello there! That is [unknown] sad. [hap");
        _speaker.Phrases.Should().Equal(
            new ReplyPhrase("Hello there!", "happy"),
            new ReplyPhrase("That is [unknown] sad.", "sad"),
            new ReplyPhrase("[hap", "sad"));
        call.Messages[0].Text.Should().Contain("[happy], [sad]");
    }

    [Fact]
    public void SystemPrompt_NoEmotionTags_MentionsNoTags()
    {
        var definition = new ChatBotBuilder("kit").OnMention().Build();

        PromptBuilder.SystemPrompt(definition, Message("a", "hi"), definition.Triggers[0]).Should().NotContain("tag");
    }

    [Fact]
    public async Task Speaker_PhraseWithoutBoundary_IsSpokenOnceItWaitedMaxWait()
    {
        await using var engine = Start(SpeakingBot().WithReplyStreaming(new() { MaxWait = TimeSpan.FromSeconds(2) }).OnMention().Build());

        engine.Post(Message("a", "kit hi"), Source);
        var call = await Model.NextCallAsync();
        call.Send("well I was thinking that");
        var started = Clock.GetUtcNow();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_speaker.Phrases.Count == 0)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5, timeout.Token);
        }

        _speaker.Phrases.Single().Text.Should().Be("well I was thinking that");
        (Clock.GetUtcNow() - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        call.End();
        await engine.WhenIdleAsync();
    }

    [Fact]
    public async Task Speaker_FirstClauseEarly_SpeaksUpToTheFirstComma()
    {
        await using var engine = Start(SpeakingBot().WithReplyStreaming(new() { FirstClauseEarly = true }).OnMention().Build());

        engine.Post(Message("a", "kit hi"), Source);
        var call = await Model.NextCallAsync();
        call.Send("Well", ", I think", " the blue route, really, is faster.");
        call.End();
        await engine.WhenIdleAsync();

        _speaker.Phrases.Select(p => p.Text).Should().Equal("Well,", "I think the blue route, really, is faster.");
    }

    [Fact]
    public async Task Speaker_PrivateReply_IsNotSpoken()
    {
        await using var engine = Start(SpeakingBot().OnPrivateMessage().Build());

        engine.Post(Message("a", "psst", kind: MessageKind.Private), Source);
        var call = await Model.NextCallAsync();
        call.Send("Just between us.");
        call.End();
        await engine.WhenIdleAsync();

        Source.Sent.Should().ContainSingle();
        _speaker.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Speaker_Throws_ChatReplyStandsAndEntersTheContext()
    {
        await using var engine = Start(StreamingBot().WithSpeaker(new FailingSpeaker()).OnMention().Build());

        await ReplyAsync(engine, "a", "Still here in chat.");
        var prompt = await NextPromptAsync(engine);

        Source.Sent.Should().ContainSingle().Which.Text.Should().Be("Still here in chat.");
        prompt.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).Should().Equal("Still here in chat.");
    }

    private ChatBotBuilder SpeakingBot() => StreamingBot().WithSpeaker(_speaker);

    private sealed class FailingSpeaker : IReplySpeaker
    {
        public Task<SpokenReply> SpeakAsync(SpeechRequest request, IAsyncEnumerable<ReplyPhrase> phrases, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no audio device");
    }
}
