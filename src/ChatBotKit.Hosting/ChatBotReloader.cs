using System.Diagnostics.Metrics;
using ChatBotKit.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotKit.Hosting;

/// <summary>
/// Reloads the app's configuration and rebuilds the bots registered with <c>AddChatBot</c>, as SIGHUP
/// does: reads every configuration source again (<see cref="IConfigurationRoot.Reload"/>), validates it
/// as start-up does, describes each bot again (runs the delegates given to <c>AddChatBot</c> and <c>Configure</c>, or compiles its script), and only when all of that succeeds puts the
/// new definitions in force and reconciles their sources (new channels joined, removed ones left).
/// Otherwise the running bots keep their definitions and the problem is logged and returned.
/// Reloads run one at a time and are counted in <c>chatbotkit.reloads</c> (meter <see cref="MeterName"/>) by outcome.
/// </summary>
public sealed class ChatBotReloader : IDisposable
{
    /// <summary>The meter of the reload counter.</summary>
    public const string MeterName = ReloadCounter.MeterName;

    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly ReloadCounter _reloads;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _closed;

    internal ChatBotReloader(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<ChatBotReloader>();
        _reloads = new ReloadCounter(services.GetService<IMeterFactory>());
    }

    /// <summary>The latest reload that ran (refused or not); <see langword="null"/> before the first.</summary>
    internal LastReload? Last { get; private set; }

    /// <summary>Raised when a reload is refused because the configuration is not valid, with the problem.</summary>
    internal event Action<string>? ConfigurationRejected;

    /// <summary>Reloads now; the task ends when the new definitions are in force and their sources reconciled.</summary>
    public async Task<ChatBotReloadResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                return new ChatBotReloadResult { Succeeded = false, Problem = "The host is stopping." };
            }

            var bots = _services.GetRequiredService<ChatBotRegistry>().Bots.Where(b => b.Runtime is not null).ToList();
            var problems = new List<string>();
            var rebuilt = new List<(ChatBotService Bot, ChatBotDefinition Definition)>();
            if (ReloadConfiguration() is { } invalid)
            {
                problems.Add(invalid);
                ConfigurationRejected?.Invoke(invalid);
            }
            else
            {
                foreach (var bot in bots)
                {
                    try
                    {
                        rebuilt.Add((bot, await bot.Source.BuildAsync(cancellationToken).ConfigureAwait(false)));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        problems.Add($"Bot '{bot.Key}': {e.Message}");
                    }
                    catch (OperationCanceledException)
                    {
                        rebuilt.ForEach(r => r.Bot.Source.Discard(r.Definition));
                        throw;
                    }
                }
            }

            if (problems.Count > 0)
            {
                rebuilt.ForEach(r => r.Bot.Source.Discard(r.Definition));
                var problem = string.Join(Environment.NewLine, problems);
                ReloadLog.Rejected(_logger, problem);
                _reloads.Rejected();
                return Remember(new ChatBotReloadResult { Succeeded = false, Problem = problem });
            }

            await Task.WhenAll(rebuilt.Select(r => r.Bot.SwapAsync(r.Definition, cancellationToken))).ConfigureAwait(false);
            foreach (var (bot, definition) in rebuilt)
            {
                await bot.Source.CommitAsync(definition, cancellationToken).ConfigureAwait(false);
            }

            var names = rebuilt.Select(r => r.Bot.Key).ToList();
            ReloadLog.Reloaded(_logger, names.Count == 0 ? "none" : string.Join(", ", names));
            _reloads.Succeeded();
            return Remember(new ChatBotReloadResult { Succeeded = true, Rebuilt = names });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _reloads.Dispose();
    }

    /// <summary>Waits for a reload in progress and refuses later ones (the host is stopping).</summary>
    internal async Task CloseAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        _closed = true;
        _gate.Release();
    }

    private ChatBotReloadResult Remember(ChatBotReloadResult result)
    {
        Last = new LastReload((_services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow(), result);
        return result;
    }

    private string? ReloadConfiguration()
    {
        if (_services.GetService<IConfiguration>() is not { } configuration)
        {
            return null;
        }

        try
        {
            (configuration as IConfigurationRoot)?.Reload();
            ChatBotConfiguration.Load(configuration);
            return null;
        }
        catch (InvalidDataException e)
        {
            // A JSON file that does not parse: the message names the file, the inner one the position.
            return $"{e.Message} {e.InnerException?.Message}".TrimEnd();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // ChatBotConfigurationException (a bad value, a secret in a file, malformed YAML), or a file that cannot be read.
            return e.Message;
        }
    }
}
