using ChatBotKit.Triggers;

namespace ChatBotKit;

public sealed partial class ChatBotBuilder
{
    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.AsSpan().ContainsAny(' ', '\t'))
        {
            throw new ChatBotConfigurationException(nameof(Name), $"must be one word (was '{Name}')");
        }

        for (var i = 0; i < _aliases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(_aliases[i]))
            {
                throw new ChatBotConfigurationException($"{nameof(Aliases)}[{i}]", "must not be empty");
            }
        }

        Require(ContextWindowSize >= 1, "ContextWindow.Size", $"must be at least 1 (was {ContextWindowSize})");
        Require(ContextMaxAge > TimeSpan.Zero || ContextMaxAge == Timeout.InfiniteTimeSpan, "ContextWindow.MaxAge", $"must be positive (was {ContextMaxAge})");
        Require(ChannelQueueCapacity >= 1, nameof(ChannelQueueCapacity), $"must be at least 1 (was {ChannelQueueCapacity})");
        Require(MaxConcurrentLlmCalls >= 1, "Llm.MaxConcurrentCalls", $"must be at least 1 (was {MaxConcurrentLlmCalls})");
        Require(LlmTimeout > TimeSpan.Zero, "Llm.Timeout", $"must be positive (was {LlmTimeout})");
        Require(LlmQueueWait >= TimeSpan.Zero, "Llm.QueueWait", $"must not be negative (was {LlmQueueWait})");
        Require(LoopLimits.MaxExchanges >= 0, "LoopLimits.MaxExchanges", $"must not be negative (was {LoopLimits.MaxExchanges})");
        Require(LoopLimits.QuickAnswer > TimeSpan.Zero && LoopLimits.Pause > TimeSpan.Zero, "LoopLimits", "QuickAnswer and Pause must be positive");
        Require(HandlerTimeout > TimeSpan.Zero, nameof(HandlerTimeout), $"must be positive (was {HandlerTimeout})");
        RateLimits.Validate("RateLimits");
        FilterSettings.Validate("Filters");
        ValidateTriggers();
        ValidateSources();
        ValidateStreaming();
    }

    private void ValidateTriggers()
    {
        for (var i = 0; i < _triggers.Count; i++)
        {
            var trigger = _triggers[i];
            var path = $"Triggers[{i}]";
            if (trigger is ChatTrigger builtIn)
            {
                builtIn.Validate(path);
            }
            else
            {
                Require(!string.IsNullOrWhiteSpace(trigger.Name), $"{path}.Name", "must not be empty");
                trigger.Policy.Validate(path);
            }

            var first = _triggers.FindIndex(t => string.Equals(t.Name, trigger.Name, StringComparison.OrdinalIgnoreCase));
            Require(first == i, $"{path}.Name", $"'{trigger.Name}' is already used by Triggers[{first}]");
        }
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ChatBotConfigurationException(setting, problem);
        }
    }
}
