using ChatBotKit.Sources;
using ChatBotKit.YouTube.Tests.DataApi;
using ChatBotKit.YouTube.Tests.Servers;

namespace ChatBotKit.YouTube.Tests.Connection;

public sealed class YouTubeDataApiSendingTests : DataApiSourceTestBase
{
    private YouTubeOptions Refreshing => new() { RefreshToken = FakeDataApi.RefreshToken, ClientId = FakeDataApi.ClientId, ClientSecret = FakeDataApi.ClientSecret };

    [Fact]
    public async Task SendAsync_AccessToken_PostsThroughInsertPacedAndCounted()
    {
        await using var source = Source(new YouTubeOptions { AccessToken = FakeDataApi.GivenAccessToken });
        await source.ConnectAsync();

        var first = await source.SendAsync(Message("🎲 4"));
        var second = source.SendAsync(Message("🎲 2")).AsTask();
        await Clock.AdvanceNextWaitAsync();

        first.Should().Be(SendResult.Sent);
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(SendResult.Sent);
        source.CanPost.Should().BeTrue();
        Api.Inserted.Should().Equal("🎲 4", "🎲 2");
        Api.Calls.Where(c => c.Method == "insert").Should().OnlyContain(c => c.Auth == $"Bearer {FakeDataApi.GivenAccessToken}" && c.Query == "?part=snippet");
        Clock.Waits.Should().Equal([TimeSpan.FromSeconds(3)], "two posts are SendInterval (3 s) apart");
        source.QuotaUnitsSpent.Should().Be(1 + (2 * 50), "an insert is counted at 50 units, the older and larger of the two documented costs");
        Logs.Entries.Should().NotContain(e => e.EventId == 801 || e.EventId == 811, "a token posts, so nothing says read-only");
    }

    [Fact]
    public async Task SendAsync_RefusedByYouTube_IsDroppedWithYouTubesReason()
    {
        Api.AnswerInsert(403, DataApiJson.Error(403, "liveChatDisabled"));
        await using var source = Source(new YouTubeOptions { AccessToken = FakeDataApi.GivenAccessToken });
        await source.ConnectAsync();

        var refused = await source.SendAsync(Message("hello"));
        var tooLong = await source.SendAsync(Message(new string('a', 201)));

        refused.Status.Should().Be(SendStatus.Dropped);
        refused.Reason.Should().Be("YouTube refused the message (HTTP 403 liveChatDisabled)");
        tooLong.Status.Should().Be(SendStatus.Dropped);
        tooLong.Reason.Should().Contain("201 characters").And.Contain("at most 200");
        Api.Calls.Count(c => c.Method == "insert").Should().Be(1, "the overlong message is not sent");
        Logs.Entries.Where(e => e.EventId == 813).Should().HaveCount(2);
    }

    [Fact]
    public async Task SendAsync_RefreshToken_FetchesATokenAndRenewsItBeforeItExpires()
    {
        await using var source = Source(Refreshing);
        await source.ConnectAsync();
        (await source.SendAsync(Message("one"))).Should().Be(SendResult.Sent);

        Clock.Advance(TimeSpan.FromMinutes(56)); // the first token has 4 minutes left, inside the 5-minute margin
        (await source.SendAsync(Message("two"))).Should().Be(SendResult.Sent);

        Api.TokensIssued.Should().Be(2);
        Api.Calls.Where(c => c.Method != "token").Select(c => (c.Method, c.Auth)).Should().Equal(
            ("videos.list", "Bearer access-1"), ("insert", "Bearer access-1"), ("insert", "Bearer access-2"));
        Api.Calls.Should().NotContain(c => c.Status == 401, "the token is renewed before YouTube would refuse it");
    }

    [Fact]
    public async Task Connect_RejectedAccessToken_IsRefreshedOnceAndTheCallRetried()
    {
        await using var source = Source(Refreshing with { AccessToken = "stale-token" });

        await source.ConnectAsync();

        Api.Calls.Select(c => (c.Method, c.Status)).Should().Equal(("videos.list", 401), ("token", 200), ("videos.list", 200));
        source.QuotaUnitsSpent.Should().Be(2, "the refused call counted too");
    }

    [Fact]
    public async Task SendAsync_ApiKeyOnly_IsDroppedSayingAnApiKeyCannotPost()
    {
        await using var source = Source(new YouTubeOptions { ApiKey = FakeDataApi.ApiKey });
        await source.ConnectAsync();

        var result = await source.SendAsync(Message("hi"));

        result.Status.Should().Be(SendStatus.Dropped);
        result.Reason.Should().StartWith("a YouTube Data API key cannot post");
        source.CanPost.Should().BeFalse();
        Api.Calls.Should().NotContain(c => c.Method == "insert");
    }

    [Fact]
    public async Task Secrets_NeverReachLogsExceptionsOrToString()
    {
        string[] secrets = [FakeDataApi.RefreshToken, FakeDataApi.ClientSecret, "access-1", "api-key-secret", "wrong-secret"];
        var options = Refreshing with { ApiKey = "api-key-secret" };
        await using (var source = Source(options))
        {
            await source.ConnectAsync();
            await source.SendAsync(Message("hi"));
        }

        await using var refused = Source(Refreshing with { ClientSecret = "wrong-secret" });
        var failure = (await FluentActions.Awaiting(() => refused.ConnectAsync().AsTask()).Should().ThrowAsync<ChatBotKitException>()).Which;

        failure.Message.Should().Contain("refused the refresh token").And.Contain("invalid_grant");
        var text = string.Join('\n', Logs.Entries.Select(e => e.Message)) + failure + options + (options with { AccessToken = "access-1" });
        text.Should().Contain("RefreshToken = (set)");
        foreach (var secret in secrets)
        {
            text.Should().NotContain(secret);
        }
    }

    private static OutgoingMessage Message(string text) => new() { Channel = FakeYouTube.VideoId, Text = text };
}
