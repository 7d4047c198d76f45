namespace ChatBotKit.Twitch.Tests.Servers;

[CollectionDefinition(Name)]
public sealed class SharedInspIrcd : ICollectionFixture<InspIrcdFixture>
{
    public const string Name = "inspircd";
}
