using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBotKit.VTubeStudio;

public sealed partial class VTubeStudioClient
{
    /// <summary>The model VTube Studio shows now.</summary>
    public async Task<VTubeStudioModel> GetCurrentModelAsync(CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync("CurrentModelRequest", null, cancellationToken).ConfigureAwait(false);
        return new VTubeStudioModel(Bool(data, "modelLoaded"), Text(data, "modelName"), Text(data, "modelID"));
    }

    /// <summary>The hotkeys of the loaded model.</summary>
    public async Task<IReadOnlyList<VTubeStudioHotkey>> GetHotkeysAsync(CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync("HotkeysInCurrentModelRequest", null, cancellationToken).ConfigureAwait(false);
        return [.. Items(data, "availableHotkeys").Select(h => new VTubeStudioHotkey(Text(h, "name"), Text(h, "type"), Text(h, "file"), Text(h, "hotkeyID")))];
    }

    /// <summary>
    /// Triggers a hotkey by its id or its name (any letter case). A name the model does not have
    /// fails with a message that lists the hotkeys it does have.
    /// </summary>
    /// <returns>The id of the hotkey that ran.</returns>
    public async Task<string> TriggerHotkeyAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        try
        {
            var data = await RequestAsync("HotkeyTriggerRequest", new JsonObject { ["hotkeyID"] = nameOrId }, cancellationToken).ConfigureAwait(false);
            return Text(data, "hotkeyID");
        }
        catch (VTubeStudioException ex) when (ex.ErrorId == VTubeStudioErrorId.HotkeyNotFound)
        {
            var hotkeys = await GetHotkeysAsync(cancellationToken).ConfigureAwait(false);
            throw new VTubeStudioException(VTubeStudioErrorId.HotkeyNotFound, ex.ApiMessage ?? "", $"The model has no hotkey '{nameOrId}'. {Listing("Its hotkeys", hotkeys.Select(h => h.Name))}");
        }
    }

    /// <summary>The expressions of the loaded model and which are on.</summary>
    public async Task<IReadOnlyList<VTubeStudioExpression>> GetExpressionsAsync(CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync("ExpressionStateRequest", new JsonObject { ["details"] = false }, cancellationToken).ConfigureAwait(false);
        return [.. Items(data, "expressions").Select(e => new VTubeStudioExpression(Text(e, "name"), Text(e, "file"), Bool(e, "active")))];
    }

    /// <summary>Turns the expression in <paramref name="file"/> (<c>*.exp3.json</c>) on or off, fading over <paramref name="fade"/> (0–2 s, default 0.25 s).</summary>
    public async Task SetExpressionAsync(string file, bool active, TimeSpan? fade = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var seconds = Math.Clamp((fade ?? TimeSpan.FromSeconds(0.25)).TotalSeconds, 0, 2);
        await RequestAsync("ExpressionActivationRequest", new JsonObject { ["expressionFile"] = file, ["active"] = active, ["fadeTime"] = seconds }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets input parameters (<c>MouthOpen</c>, <c>VoiceVolume</c>, … or custom ones) for about a
    /// second; send again at least once a second to keep them. In <c>set</c> mode (the default) only
    /// one plugin may own a parameter; <paramref name="add"/> adds to the tracked value instead.
    /// </summary>
    public async Task InjectParametersAsync(IReadOnlyList<VTubeStudioParameterValue> values, bool faceFound = false, bool add = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new JsonArray();
        foreach (var value in values)
        {
            var item = new JsonObject { ["id"] = value.Id, ["value"] = value.Value };
            if (value.Weight is { } weight)
            {
                item["weight"] = weight;
            }

            list.Add(item);
        }

        await RequestAsync("InjectParameterDataRequest", new JsonObject { ["faceFound"] = faceFound, ["mode"] = add ? "add" : "set", ["parameterValues"] = list }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates (or updates) a custom parameter of this plugin; its name is 4–32 letters and digits.</summary>
    public async Task CreateParameterAsync(string name, string explanation, double min, double max, double defaultValue, CancellationToken cancellationToken = default)
    {
        if (!IsCustomParameterName(name))
        {
            throw new ArgumentException($"A custom VTube Studio parameter name is 4 to 32 letters and digits (was '{name}').", nameof(name));
        }

        await RequestAsync("ParameterCreationRequest", new JsonObject
        {
            ["parameterName"] = name,
            ["explanation"] = explanation ?? "",
            ["min"] = min,
            ["max"] = max,
            ["defaultValue"] = defaultValue,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="name"/> may name a custom parameter: 4–32 ASCII letters and digits.</summary>
    public static bool IsCustomParameterName(string? name) =>
        name is { Length: >= 4 and <= 32 } && name.All(char.IsAsciiLetterOrDigit);

    internal static string Listing(string what, IEnumerable<string> names)
    {
        var list = names.Where(n => n.Length > 0).ToList();
        return list.Count == 0 ? $"{what}: none." : $"{what}: {string.Join(", ", list)}.";
    }

    private static JsonElement[] Items(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    private static string Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : ""
            : "";

    private static bool Bool(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
