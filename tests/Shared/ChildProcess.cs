using System.Diagnostics;
using System.Text;

namespace ChatBotKit.Testing;

/// <summary>
/// A program a test runs as a child process: stdout and stderr are collected into <see cref="Output"/>,
/// stdin is open for lines, signals go through <c>kill</c>. Waits are generous (the machine may be
/// loaded); a process still running at <see cref="Dispose"/> is killed.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        _process.OutputDataReceived += Collect;
        _process.ErrorDataReceived += Collect;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess StartDotnet(string workingDirectory, params string[] arguments) =>
        StartDotnet(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Starts <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> with <paramref name="environment"/> added to its environment.</summary>
    public static ChildProcess StartDotnet(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(start);
    }

    /// <summary>Writes <paramref name="line"/> to the process's stdin.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="signal"/> (<c>HUP</c>, <c>TERM</c>, …) with <c>kill</c>.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process.Id}");
        await kill.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Waits until <see cref="Output"/> contains <paramref name="text"/>; throws with the output if the process exits or time runs out first.</summary>
    public async Task WaitForAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                // The exit can be seen before its last lines were read: read them all, then look once more.
                await _process.WaitForExitAsync().ConfigureAwait(false);
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new TimeoutException($"'{text}' did not appear (the process exited with {_process.ExitCode}). Output:{Environment.NewLine}{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear (time ran out). Output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        lock (_output)
        {
            _output.AppendLine(e.Data);
        }
    }
}
