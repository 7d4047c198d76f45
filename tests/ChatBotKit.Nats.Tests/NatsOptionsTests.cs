namespace ChatBotKit.Nats.Tests;

public sealed class NatsOptionsTests
{
    [Fact]
    public void ParseServers_CommaSeparatedWithSpaces_ReadsEachInOrder()
    {
        var servers = NatsOptions.ParseServers(" nats://a:4222, tls://b:4443 ,");

        servers.Should().Equal(new Uri("nats://a:4222"), new Uri("tls://b:4443"));
    }

    [Theory]
    [InlineData(" , ", "names no NATS server")]
    [InlineData("nats://a:4222,not a url", "'not a url' is not a NATS server URL")]
    public void ParseServers_Unusable_NamesTheProblem(string urls, string message)
    {
        var act = () => NatsOptions.ParseServers(urls);

        act.Should().Throw<ArgumentException>().WithMessage($"*{message}*");
    }
}
