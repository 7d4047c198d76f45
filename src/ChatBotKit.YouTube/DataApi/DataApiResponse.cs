using System.Net;
using System.Text.Json;
using ChatBotKit.YouTube.Parsing;

namespace ChatBotKit.YouTube.DataApi;

/// <summary>A Data API answer: its status and body, and the error reason (<c>error.errors[0].reason</c>) when it failed.</summary>
internal sealed record DataApiResponse(HttpStatusCode Status, byte[] Body)
{
    /// <summary>An answer that was never requested because the daily budget would be overrun.</summary>
    public static DataApiResponse OverBudget { get; } = new(0, []);

    public bool IsOk => Status == HttpStatusCode.OK;

    /// <summary>Whether the call was refused before it was made, to keep within the daily budget.</summary>
    public bool IsOverBudget => Status == 0;

    /// <summary>The first <c>error.errors[].reason</c> (<c>quotaExceeded</c>, <c>liveChatEnded</c>…), else <c>error.status</c>, else <see langword="null"/>.</summary>
    public string? ErrorReason
    {
        get
        {
            if (IsOk || Body.Length == 0)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(Body);
                var error = document.RootElement.TryGet(out var found, "error") ? found : default;
                return error.Items("errors").Select(e => e.String("reason")).FirstOrDefault(r => r is not null) ?? error.String("status");
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>"HTTP 403 quotaExceeded", for logs and send results.</summary>
    public string Describe() => ErrorReason is { } reason ? $"HTTP {(int)Status} {reason}" : $"HTTP {(int)Status}";
}
