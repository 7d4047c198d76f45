using ChatBotKit.YouTube.InnerTube;

namespace ChatBotKit.YouTube.Tests.InnerTube;

public sealed class VideoTargetTests
{
    [Theory]
    [InlineData("dQw4w9WgXcQ", "/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1", "/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ?si=x", "/watch?v=dQw4w9WgXcQ")]
    [InlineData("@LofiGirl", "/@LofiGirl/live")]
    [InlineData("https://www.youtube.com/@LofiGirl/streams", "/@LofiGirl/live")]
    [InlineData("UCSJ4gkVC6NrvII8umztf0Ow", "/channel/UCSJ4gkVC6NrvII8umztf0Ow/live")]
    [InlineData("https://www.youtube.com/channel/UCSJ4gkVC6NrvII8umztf0Ow", "/channel/UCSJ4gkVC6NrvII8umztf0Ow/live")]
    public void Parse_AcceptedForms_GiveThePageToLoad(string input, string path) =>
        VideoTarget.Parse(input).PagePath.Should().Be(path);

    [Theory]
    [InlineData("not a video")]
    [InlineData("https://example.com/page")]
    [InlineData("abc")]
    public void Parse_OtherInput_ThrowsNamingTheForms(string input) =>
        FluentActions.Invoking(() => VideoTarget.Parse(input)).Should().Throw<ArgumentException>().WithMessage("*video id, watch or live URL, @handle or channel id*");
}
