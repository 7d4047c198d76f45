using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBotKit.Hosting.Configuration;

/// <summary>
/// Binds <see cref="ChatBotHostingOptions"/> from the app's configuration and validates it (at start,
/// through <c>ValidateOnStart</c>). An invalid setting fails with a <see cref="ChatBotConfigurationException"/>
/// that lists every problem with its key path and where the value came from (file and line), as
/// <see cref="ChatBotConfiguration.Load"/> does; the options binder's own message would name neither.
/// </summary>
internal sealed class ChatBotHostingOptionsSetup(IServiceProvider services) : IConfigureOptions<ChatBotHostingOptions>, IValidateOptions<ChatBotHostingOptions>
{
    private IConfiguration? Configuration => services.GetService<IConfiguration>();

    public void Configure(ChatBotHostingOptions options)
    {
        if (Configuration is not { } configuration)
        {
            return;
        }

        var read = ChatBotConfiguration.Read(configuration, "", out _);
        options.Http = read.Http;
        options.ShutdownTimeout = read.ShutdownTimeout;
        options.ReloadOnHangup = read.ReloadOnHangup;
    }

    public ValidateOptionsResult Validate(string? name, ChatBotHostingOptions options)
    {
        if (Configuration is { } configuration)
        {
            ChatBotConfiguration.Read(configuration, "", out var errors);
            if (errors.Count > 0)
            {
                // Thrown rather than returned, so start-up fails with the exception apps and the CLI report.
                throw ChatBotConfiguration.Invalid(errors);
            }
        }

        return ValidateOptionsResult.Success;
    }
}
