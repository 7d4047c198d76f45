using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatBotKit.Twitch.EventSub;

namespace ChatBotKit.Twitch.Helix;

/// <summary>An answer from Helix or OAuth: the status, the JSON body when there is one, and the rate-limit reset.</summary>
internal sealed record HelixResponse(HttpStatusCode Status, JsonElement Json, string? MediaType, DateTimeOffset? RateLimitReset)
{
    private const int MaxBodyChars = 1 << 20;

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Reads <paramref name="response"/>; a body that is not JSON (an HTML error page) leaves <see cref="Json"/> undefined.</summary>
    public static async Task<HelixResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement json = default;
        if (text.Length is > 0 and <= MaxBodyChars)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON: Describe says so.
            }
        }

        DateTimeOffset? reset = response.Headers.TryGetValues("Ratelimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))
            : null;
        return new HelixResponse(response.StatusCode, json, response.Content.Headers.ContentType?.MediaType, reset);
    }

    /// <summary>The status and Twitch's message, or what the body was when it was not Twitch's JSON.</summary>
    public string Describe()
    {
        var code = (int)Status;
        if (Json.ValueKind != JsonValueKind.Object)
        {
            return $"HTTP {code} with a body that is not JSON ({MediaType ?? "no content type"})";
        }

        return Json.String("message") is { Length: > 0 } message ? $"HTTP {code}: {message}" : $"HTTP {code}";
    }
}
