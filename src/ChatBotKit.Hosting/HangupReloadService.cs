using System.Runtime.InteropServices;
using System.Threading.Channels;
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
    private readonly Channel<bool> _hangups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ILogger _logger = loggerFactory.CreateLogger("ChatBotKit.Hosting");
    private PosixSignalRegistration? _registration;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.ReloadOnHangup && !OperatingSystem.IsWindows())
        {
            _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _hangups.Writer.TryWrite(true);
            });
            ReloadLog.HangupEnabled(_logger);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        _hangups.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _hangups.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                ReloadLog.HangupReceived(_logger);
                try
                {
                    await reloader.ReloadAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed reload must not end the loop (or, through the host, the app).
                    ReloadLog.Failed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _registration?.Dispose();
        base.Dispose();
    }
}
