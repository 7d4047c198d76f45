using System.Globalization;
using ChatBotKit.Sources;

namespace ChatBotKit.VTubeStudio;

/// <summary>
/// Finds expressions and motions by the names chat uses: the configured ones first, then the loaded
/// model's (asked once and kept until the model changes or VTube Studio reconnects). An unknown name
/// fails with a message that lists what exists.
/// </summary>
internal sealed class AvatarCatalog
{
    private const string ExpressionSuffix = ".exp3.json";
    private readonly VTubeStudioClient _client;
    private readonly VTubeStudioAvatarOptions _options;
    private readonly Lock _gate = new();
    private Task<(IReadOnlyList<VTubeStudioExpression> Expressions, IReadOnlyList<VTubeStudioHotkey> Hotkeys)>? _model;

    public AvatarCatalog(VTubeStudioClient client, VTubeStudioAvatarOptions options)
    {
        (_client, _options) = (client, options);
        client.StateChanged += (_, change) =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                Forget();
            }
        };
    }

    /// <summary>Drops what is known about the model (it changed).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _model = null;
        }
    }

    public async Task<AvatarExpression> FindExpressionAsync(string nameOrNumber, CancellationToken cancellationToken)
    {
        if (_options.Expressions.TryGetValue(nameOrNumber, out var configured) || TryIgnoringCase(_options.Expressions, nameOrNumber, out configured))
        {
            return configured;
        }

        var (expressions, hotkeys) = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var toggles = hotkeys.Where(h => h.TogglesExpression).ToList();
        if (int.TryParse(nameOrNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= expressions.Count)
        {
            var chosen = expressions[number - 1];
            return AvatarExpression.FromFile(chosen.Name, chosen.File);
        }

        if (expressions.FirstOrDefault(e => Same(e.Name, nameOrNumber) || Same(e.File, nameOrNumber) || Same(Stem(e.File), nameOrNumber)) is { } found)
        {
            return AvatarExpression.FromFile(found.Name, found.File);
        }

        if (toggles.FirstOrDefault(h => Same(h.Name, nameOrNumber) || h.Id == nameOrNumber) is { } hotkey)
        {
            return AvatarExpression.FromHotkey(hotkey.Name, hotkey.Id);
        }

        var names = _options.Expressions.Keys.Concat(expressions.Select(e => e.Name)).Concat(toggles.Select(h => h.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        throw new VTubeStudioException($"There is no expression '{nameOrNumber}'. {VTubeStudioClient.Listing("Expressions", names)}");
    }

    public async Task<AvatarMotion> FindMotionAsync(string name, CancellationToken cancellationToken)
    {
        if (_options.Motions.TryGetValue(name, out var configured) || TryIgnoringCase(_options.Motions, name, out configured))
        {
            return configured;
        }

        var (_, hotkeys) = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var animations = hotkeys.Where(h => h.PlaysAnimation).ToList();
        if (animations.FirstOrDefault(h => Same(h.Name, name) || h.Id == name) is { } hotkey)
        {
            return new AvatarMotion(hotkey.Name, hotkey.Id, _options.MotionDuration);
        }

        var names = _options.Motions.Keys.Concat(animations.Select(h => h.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        throw new VTubeStudioException($"There is no motion '{name}'. {VTubeStudioClient.Listing("Motions", names)}");
    }

    private Task<(IReadOnlyList<VTubeStudioExpression>, IReadOnlyList<VTubeStudioHotkey>)> ModelAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_model is null || _model.IsFaulted || _model.IsCanceled)
            {
                _model = LoadAsync(cancellationToken);
            }

            return _model;
        }
    }

    private async Task<(IReadOnlyList<VTubeStudioExpression>, IReadOnlyList<VTubeStudioHotkey>)> LoadAsync(CancellationToken cancellationToken) =>
        (await _client.GetExpressionsAsync(cancellationToken).ConfigureAwait(false), await _client.GetHotkeysAsync(cancellationToken).ConfigureAwait(false));

    private static bool TryIgnoringCase<T>(IReadOnlyDictionary<string, T> map, string name, out T value)
    {
        foreach (var (key, item) in map)
        {
            if (Same(key, name))
            {
                value = item;
                return true;
            }
        }

        value = default!;
        return false;
    }

    private static string Stem(string file) =>
        file.EndsWith(ExpressionSuffix, StringComparison.OrdinalIgnoreCase) ? file[..^ExpressionSuffix.Length].Trim() : file;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
