using System.Text.RegularExpressions;

namespace ChatBotKit.Hosting.AspNetCore.Dashboard;

/// <summary>Takes secrets out of text the dashboard shows: passwords in URLs and key-looking query values.</summary>
internal static partial class Redaction
{
    /// <summary><paramref name="text"/> with <c>user:password@</c> and secret query values replaced by <c>***</c>.</summary>
    public static string Url(string text) => SecretQuery().Replace(UserInfo().Replace(text, "//***@"), m => m.Groups[1].Value + "***");

    [GeneratedRegex(@"//[^/@\s]+@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([?&](?:[a-z_]*key|token|secret|password|sig)=)[^&\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQuery();
}
