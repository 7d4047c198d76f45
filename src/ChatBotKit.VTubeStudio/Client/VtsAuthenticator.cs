using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.VTubeStudio.Client;

/// <summary>
/// Authenticates each new connection: with the kept token when there is one; when VTube Studio
/// says it is no longer valid (revoked), or there is none, it asks for a new one (the approval
/// popup) and keeps it. A popup that is already open (error 51) is waited out, not asked again at once.
/// </summary>
internal sealed class VtsAuthenticator(VTubeStudioOptions options, VTubeStudioTokenStore store, ILogger logger, TimeProvider time)
{
    private readonly string _key = VTubeStudioTokenStore.KeyFor(options);

    public async Task AuthenticateAsync(VtsSession session, CancellationToken cancellationToken)
    {
        if (store.Load(_key) is { } kept)
        {
            if (await TryAuthenticateAsync(session, kept, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            VTubeStudioLog.TokenRevoked(logger, store.FilePath);
            store.Remove(_key);
        }

        var token = await RequestTokenAsync(session, cancellationToken).ConfigureAwait(false);
        store.Save(_key, token);
        VTubeStudioLog.Approved(logger, options.PluginName, store.FilePath);
        if (!await TryAuthenticateAsync(session, token, cancellationToken).ConfigureAwait(false))
        {
            throw new VTubeStudioException("VTube Studio did not accept the token it had just granted.");
        }
    }

    private async Task<bool> TryAuthenticateAsync(VtsSession session, string token, CancellationToken cancellationToken)
    {
        var data = await session.RequestAsync("AuthenticationRequest", Names(("authenticationToken", token)), options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("authenticated", out var ok) && ok.ValueKind == JsonValueKind.True;
    }

    private async Task<string> RequestTokenAsync(VtsSession session, CancellationToken cancellationToken)
    {
        while (true)
        {
            VTubeStudioLog.AskingForApproval(logger, options.PluginName);
            try
            {
                var data = await session.RequestAsync("AuthenticationTokenRequest", Names(("pluginIcon", options.PluginIcon)), options.ApprovalTimeout, cancellationToken).ConfigureAwait(false);
                return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("authenticationToken", out var token) && token.GetString() is { Length: > 0 } value
                    ? value
                    : throw new VTubeStudioException("VTube Studio granted the plugin but sent no authenticationToken.");
            }
            catch (VTubeStudioException ex) when (ex.ErrorId == VTubeStudioErrorId.TokenRequestAlreadyOpen)
            {
                VTubeStudioLog.PopupAlreadyOpen(logger, options.OpenPopupWait);
                await Task.Delay(options.OpenPopupWait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private JsonObject Names((string Name, string? Value) extra)
    {
        var data = new JsonObject { ["pluginName"] = options.PluginName, ["pluginDeveloper"] = options.PluginDeveloper };
        if (extra.Value is not null)
        {
            data[extra.Name] = extra.Value;
        }

        return data;
    }
}
