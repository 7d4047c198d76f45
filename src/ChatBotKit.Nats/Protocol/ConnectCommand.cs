using System.Text.Json;

namespace ChatBotKit.Nats.Protocol;

/// <summary>Builds the CONNECT line the client sends after INFO.</summary>
internal static class ConnectCommand
{
    public static byte[] Build(NatsOptions options, Uri server, bool tls)
    {
        var (user, password) = UserInfo(server);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("verbose", false);
            json.WriteBoolean("pedantic", false);
            json.WriteBoolean("tls_required", tls);
            json.WriteString("name", options.Name);
            json.WriteString("lang", ".NET");
            json.WriteString("version", typeof(ConnectCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteNumber("protocol", 1);
            json.WriteBoolean("echo", options.Echo);
            json.WriteBoolean("headers", true);
            json.WriteBoolean("no_responders", true);
            if ((user ?? options.User) is { } u)
            {
                json.WriteString("user", u);
                json.WriteString("pass", password ?? options.Password ?? "");
            }

            if (options.Token is { } token)
            {
                json.WriteString("auth_token", token);
            }

            json.WriteEndObject();
        }

        return [.. "CONNECT "u8, .. buffer.ToArray(), .. "\r\nPING\r\n"u8];
    }

    private static (string? User, string? Password) UserInfo(Uri server)
    {
        if (string.IsNullOrEmpty(server.UserInfo))
        {
            return (null, null);
        }

        var parts = server.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
    }
}
