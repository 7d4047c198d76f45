namespace ChatBotKit.Templates.Tests;

/// <summary>The test classes share one <see cref="LocalFeed"/>: packing and installing happen once.</summary>
[CollectionDefinition(Name)]
public sealed class LocalFeedGroup : ICollectionFixture<LocalFeed>
{
    public const string Name = "local feed";
}
