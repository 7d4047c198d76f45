using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBotKit.Hosting;

/// <summary>
/// Turns SIGHUP into <see cref="ChatBotReloader.ReloadAsync"/> on Linux and macOS, unless
/// <c>ChatBotKit:ReloadOnHangup</c> is false. Signals that arrive during a reload are folded into one
/// more reload after it. Without this a SIGHUP would end the process.
/// </summary>
internal sealed class HangupReloadService(ChatBotReloader reloader, ILoggerFactory loggerFactory, IOptions<ChatBotHostingOptions> settings) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("ChatBotKit.Hosting");
    private HangupSignal? _signal;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.ReloadOnHangup && !OperatingSystem.IsWindows())
        {
            _signal = new HangupSignal();
            ReloadLog.HangupEnabled(_logger);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _signal?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _signal is null ? Task.CompletedTask : _signal.ServeAsync(ReloadAsync, stoppingToken);

    public override void Dispose()
    {
        _signal?.Dispose();
        base.Dispose();
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        ReloadLog.HangupReceived(_logger);
        try
        {
            await reloader.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed reload must not end the loop (or, through the host, the app).
            ReloadLog.Failed(_logger, e);
        }
    }
}
