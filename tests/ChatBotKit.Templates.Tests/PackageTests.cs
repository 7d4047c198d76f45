using System.IO.Compression;
using System.Reflection.PortableExecutable;

namespace ChatBotKit.Templates.Tests;

/// <summary>What <c>dotnet pack</c> makes of the repository: every library, the tool and the template pack, each complete.</summary>
[Collection(LocalFeedGroup.Name)]
public sealed class PackageTests(LocalFeed feed)
{
    public static TheoryData<string> Libraries() => [.. LibraryIds()];

    public static TheoryData<string> Packages() => [.. LibraryIds(), "streambot", "ChatBotKit.Templates"];

    private static IEnumerable<string> LibraryIds() =>
        Directory.GetDirectories(Path.Combine(LocalFeed.Repository, "src")).Select(Path.GetFileName).Where(name => name != "ChatBotKit.Cli")!;

    [Theory]
    [MemberData(nameof(Packages))]
    public void EachPackage_HasItsReadmeLicenceAndDescription(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        var nuspec = new StreamReader(package.GetEntry($"{id}.nuspec")!.Open()).ReadToEnd();

        package.GetEntry("README.md").Should().NotBeNull();
        nuspec.Should().Contain("<readme>README.md</readme>")
            .And.Contain("<license type=\"expression\">MIT</license>")
            .And.Contain("<description>")
            .And.Contain($"<version>{feed.Version}</version>");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void EachLibrary_ShipsXmlDocsAndSymbols(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        package.Entries.Select(e => e.FullName).Should().Contain($"lib/net10.0/{id}.xml");
        File.Exists(Path.ChangeExtension(feed.Package(id), ".snupkg")).Should().BeTrue();
    }

    [Theory]
    [InlineData("streambot.linux-x64")]
    [InlineData("streambot.any")]
    public void EachToolPackage_CarriesTheShippedPresetsAndExamples(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        var files = package.Entries.Select(e => e.FullName).ToList();

        files.Should().Contain(f => f.EndsWith("/scripts/presets/moderation.csx", StringComparison.Ordinal));
        files.Should().Contain(f => f.EndsWith("/scripts/examples/hello.csx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("streambot.linux-x64", true)]
    [InlineData("streambot.any", false)]
    public void TheLinuxToolPackage_IsPrecompiledWithRoslyn(string id, bool precompiled)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        var roslyn = package.Entries.Single(e => e.FullName.EndsWith("/Microsoft.CodeAnalysis.CSharp.dll", StringComparison.Ordinal));
        using var image = new MemoryStream();
        using (var entry = roslyn.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0).Should().Be(precompiled, "a ReadyToRun image has a managed native header");
    }

    [Fact]
    public void TheToolPackage_PointsAtItsPlatformPackages()
    {
        using var package = ZipFile.OpenRead(feed.Package("streambot"));
        using var reader = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Open());

        reader.ReadToEnd().Should().Contain("streambot.linux-x64").And.Contain("streambot.any");
    }
}
