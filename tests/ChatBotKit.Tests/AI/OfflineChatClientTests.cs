using ChatBotKit.AI;
using ChatBotKit.Prompting;
using Microsoft.Extensions.AI;

namespace ChatBotKit.Tests.AI;

public sealed class OfflineChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_SameInputOnTwoInstances_SameReply()
    {
        var first = await new OfflineChatClient("kit").GetResponseAsync(Conversation("alice", "what game is this?"));
        var second = await new OfflineChatClient("kit").GetResponseAsync(Conversation("alice", "what game is this?"));

        second.Text.Should().Be(first.Text).And.NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task GetResponseAsync_KnownInput_StableAcrossProcesses()
    {
        // A stable hash of the viewer and text picks the template (string.GetHashCode would differ per process).
        var response = await new OfflineChatClient("kit").GetResponseAsync(Conversation("alice", "hello"));

        response.Text.Should().Be("Hey alice! I'm kit's offline stand-in: no language model is connected right now, but it's great to see you here!");
    }

    [Fact]
    public async Task GetResponseAsync_DifferentPresets_DifferentReplies()
    {
        var messages = Conversation("alice", "hello there");
        var replies = new List<string>();
        foreach (var preset in Enum.GetValues<PersonalityPreset>())
        {
            replies.Add((await new OfflineChatClient("kit", new Personality { Preset = preset }).GetResponseAsync(messages)).Text);
        }

        replies.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task GetResponseAsync_DifferentTexts_UseMoreThanOneTemplate()
    {
        var client = new OfflineChatClient("kit");
        var replies = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            replies.Add((await client.GetResponseAsync(Conversation("alice", $"message {i}"))).Text);
        }

        replies.Should().HaveCountGreaterThan(1);
    }

    [Theory]
    [InlineData(PersonalityPreset.Friendly)]
    [InlineData(PersonalityPreset.Professional)]
    [InlineData(PersonalityPreset.Humorous)]
    [InlineData(PersonalityPreset.Supportive)]
    public async Task GetResponseAsync_FiveGreetingsInARow_FiveDifferentAnswersNoneADuplicate(PersonalityPreset preset)
    {
        var client = new OfflineChatClient("kit", new Personality { Preset = preset });
        List<ChatMessage> conversation = [new(ChatRole.System, "You are kit.")];
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            conversation.Add(new ChatMessage(ChatRole.User, "hi @kit") { AuthorName = "alice" });
            var answer = (await client.GetResponseAsync(conversation)).Text;
            answers.Add(answer);
            conversation.Add(new ChatMessage(ChatRole.Assistant, answer));
        }

        answers.Should().OnlyHaveUniqueItems();
        for (var i = 1; i < answers.Count; i++)
        {
            answers.Take(i).Should().OnlyContain(earlier => ChatBotKit.Filters.DuplicateFilter.Similarity(answers[i], earlier) < 0.8, because: "the duplicate filter would drop it");
        }
    }

    [Theory]
    [InlineData(PersonalityPreset.Friendly)]
    [InlineData(PersonalityPreset.Professional)]
    [InlineData(PersonalityPreset.Humorous)]
    [InlineData(PersonalityPreset.Supportive)]
    public async Task GetResponseAsync_AnyPreset_SaysItIsAnOfflineStandInForTheBot(PersonalityPreset preset)
    {
        var client = new OfflineChatClient("kit", new Personality { Preset = preset });
        for (var i = 0; i < 10; i++)
        {
            var text = (await client.GetResponseAsync(Conversation("alice", $"question {i}"))).Text;

            text.Should().Contain("offline").And.Contain("kit").And.Contain("language model");
        }
    }

    [Fact]
    public async Task GetResponseAsync_SeveralViewers_AddressesTheLastUsersAuthorName()
    {
        ChatMessage[] messages =
        [
            new(ChatRole.System, "You are kit."),
            new(ChatRole.User, "alice: hi") { AuthorName = "alice" },
            new(ChatRole.Assistant, "hello alice"),
            new(ChatRole.User, "bob: hey") { AuthorName = "bob" },
            new(ChatRole.Assistant, "hey bob"),
        ];

        var text = (await new OfflineChatClient("kit").GetResponseAsync(messages)).Text;

        text.Should().Contain("bob").And.NotContain("alice");
    }

    [Fact]
    public async Task GetResponseAsync_NoUserMessage_AddressesChat()
    {
        var text = (await new OfflineChatClient("kit").GetResponseAsync([new ChatMessage(ChatRole.System, "You are kit.")])).Text;

        text.Should().Contain("chat");
    }

    [Fact]
    public async Task GetResponseAsync_Always_AssistantMessageFromTheBot()
    {
        var response = await new OfflineChatClient("kit").GetResponseAsync(Conversation("alice", "hi"));

        response.Messages.Should().ContainSingle().Which.Should().Match<ChatMessage>(m => m.Role == ChatRole.Assistant && m.AuthorName == "kit");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.ModelId.Should().Be("offline");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Always_StreamsTheSameReply()
    {
        var client = new OfflineChatClient("kit");
        var messages = Conversation("alice", "stream please");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages))
        {
            updates.Add(update);
        }

        string.Concat(updates.Select(u => u.Text)).Should().Be((await client.GetResponseAsync(messages)).Text);
    }

    [Fact]
    public async Task GetResponseAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => new OfflineChatClient("kit").GetResponseAsync(Conversation("alice", "hi"), cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void GetService_Metadata_DescribesTheOfflineProvider()
    {
        using var client = new OfflineChatClient("kit");

        client.GetService<ChatClientMetadata>()!.ProviderName.Should().Be("chatbotkit-offline");
        client.GetService<OfflineChatClient>().Should().BeSameAs(client);
        client.GetService(typeof(string)).Should().BeNull();
        client.GetService(typeof(OfflineChatClient), "key").Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankBotName_Throws(string name)
    {
        var act = () => new OfflineChatClient(name);

        act.Should().Throw<ArgumentException>();
    }

    private static ChatMessage[] Conversation(string user, string text) =>
    [
        new(ChatRole.System, "You are kit."),
        new(ChatRole.User, $"{user}: {text}") { AuthorName = user },
    ];
}
