using NATS.Client.Core;

namespace ChatBotKit.Nats;

/// <summary>
/// Reads an NKey seed file when a connection opens (so a rotated file is picked up on reconnect): the
/// seed alone, as <c>nk -gen user</c> writes it, or with the public key on the next line.
/// </summary>
internal static class NKeySeed
{
    public static async ValueTask<NatsAuthCred> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        var seed = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('S'))
            ?? throw new NatsException($"The NKey seed file '{path}' (NatsConnectionOptions.NKeySeedFile) holds no seed (a line starting with S).");
        return NatsAuthCred.FromNkey(seed);
    }
}
