namespace ChatBotKit.Nats.Protocol;

/// <summary>
/// The servers a connection may use: the configured seeds plus those the cluster announces in INFO
/// (<c>connect_urls</c>). Hands them out round-robin, starting after the server last used.
/// </summary>
internal sealed class ServerPool
{
    private readonly Lock _lock = new();
    private readonly List<Uri> _servers;
    private readonly string _scheme;
    private int _current;

    public ServerPool(IReadOnlyList<Uri> seeds)
    {
        _servers = [.. seeds];
        _scheme = seeds[0].Scheme;
    }

    public IReadOnlyList<Uri> Snapshot()
    {
        lock (_lock)
        {
            return [.. _servers];
        }
    }

    /// <summary>The servers in the order to try them: the one after the current first, the current last.</summary>
    public IReadOnlyList<Uri> RotationAfterCurrent()
    {
        lock (_lock)
        {
            var count = _servers.Count;
            return [.. Enumerable.Range(1, count).Select(i => _servers[(_current + i) % count])];
        }
    }

    public void MarkCurrent(Uri server)
    {
        lock (_lock)
        {
            var index = _servers.IndexOf(server);
            _current = index < 0 ? _current : index;
        }
    }

    /// <summary>Adds announced <c>host:port</c> entries that are not known yet; returns how many were new.</summary>
    public int Learn(IEnumerable<string> connectUrls)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var hostPort in connectUrls)
            {
                if (!Uri.TryCreate($"{_scheme}://{hostPort}", UriKind.Absolute, out var uri)
                    || _servers.Any(s => string.Equals(s.Host, uri.Host, StringComparison.OrdinalIgnoreCase) && s.Port == uri.Port))
                {
                    continue;
                }

                _servers.Add(uri);
                added++;
            }
        }

        return added;
    }
}
