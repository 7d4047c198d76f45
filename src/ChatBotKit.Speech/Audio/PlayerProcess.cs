using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChatBotKit.Speech.Audio;

/// <summary>One running player program fed through its standard input; its error output is logged.</summary>
internal sealed class PlayerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Task _errors;

    private PlayerProcess(Process process, ILogger logger)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _errors = LogErrorsAsync(process, logger);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, known once the player was disposed.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Starts <paramref name="program"/>; a program that is not installed throws <see cref="System.ComponentModel.Win32Exception"/>.</summary>
    public static PlayerProcess Start(string program, IReadOnlyList<string> arguments, ILogger logger)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new PlayerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start."), logger);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _input.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await _input.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _input.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The player already exited; closing its input has nothing left to flush.
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await _errors.ConfigureAwait(false);
        ExitCode = _process.ExitCode;
        _process.Dispose();
    }

    private static async Task LogErrorsAsync(Process process, ILogger logger)
    {
        while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            SpeechLog.PlayerSaid(logger, line);
        }
    }
}
