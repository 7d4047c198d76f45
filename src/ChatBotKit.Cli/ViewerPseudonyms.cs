using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBotKit.Cli;

/// <summary>
/// Stable pseudonyms for viewer names: <c>viewer-</c> and 8 hex digits of an HMAC of the name under a
/// random key kept in the log folder (<see cref="KeyFile"/>), so one name always gets the same pseudonym
/// for that folder and nobody without the key can map pseudonyms back by hashing likely names.
/// </summary>
internal sealed class ViewerPseudonyms
{
    /// <summary>The key's file in the log folder.</summary>
    public const string KeyFile = ".pseudonym-key";

    private readonly byte[] _key;
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private Regex? _anyName;

    private ViewerPseudonyms(byte[] key) => _key = key;

    /// <summary>The pseudonyms of <paramref name="folder"/>, making its key on first use.</summary>
    public static ViewerPseudonyms For(DirectoryInfo folder)
    {
        var path = Path.Combine(folder.FullName, KeyFile);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        }

        return new ViewerPseudonyms(Convert.FromHexString(File.ReadAllText(path).Trim()));
    }

    /// <summary>Learns <paramref name="name"/> so that <see cref="Replace"/> finds it in text.</summary>
    public string Of(string name)
    {
        if (!_names.TryGetValue(name, out var pseudonym))
        {
            var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(name.ToLowerInvariant()));
            _names[name] = pseudonym = "viewer-" + Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
            _anyName = null;
        }

        return pseudonym;
    }

    /// <summary><paramref name="text"/> with every known name (as a whole word, with or without <c>@</c>) replaced by its pseudonym.</summary>
    public string Replace(string text)
    {
        if (_names.Count == 0)
        {
            return text;
        }

        _anyName ??= new Regex(
            @"@?(?<![\w])(" + string.Join("|", _names.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")(?![\w])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        return _anyName.Replace(text, m => (m.Value.StartsWith('@') ? "@" : "") + _names[m.Groups[1].Value]);
    }
}
