using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatBotKit.Events;

namespace ChatBotKit.Triggers;

/// <summary>
/// Celebrates a milestone of the stream: counts the events of one kind in each channel (follows by
/// default; with <see cref="DistinctUsers"/> each user once, so <c>message</c> counts the viewers who
/// chatted) and fires on the event that brings the count to one of the <see cref="Milestones"/>. The
/// count starts when the bot starts (or its script is reloaded). Its replies have
/// <see cref="ReplyPriority.Event"/>; add it before a trigger that answers the same events, which
/// would otherwise answer first.
/// </summary>
public sealed class MilestoneTrigger : ChatTrigger, IChatEventObserver
{
    private readonly ConcurrentDictionary<(ChatPlatform Platform, string Channel), Tally> _tallies = new();
    private readonly ConditionalWeakTable<ChatEvent, Reached> _reached = new();

    /// <summary>Creates the trigger for events of <paramref name="countedKind"/> (such as <c>follow</c>).</summary>
    public MilestoneTrigger(string countedKind, params IEnumerable<int> milestones)
    {
        CountedKind = countedKind;
        Milestones = [.. milestones.Order()];
        Priority = ReplyPriority.Event;
    }

    /// <summary>The <see cref="ChatEvent.Kind"/> counted: <c>follow</c>, <c>subscription</c>, <c>message</c>, …</summary>
    public string CountedKind { get; }

    /// <summary>The counts celebrated, smallest first.</summary>
    public IReadOnlyList<int> Milestones { get; }

    /// <summary>Counts each user once (events without a user are not counted). Default <see langword="false"/>.</summary>
    public bool DistinctUsers { get; init; }

    /// <summary>What the count is called in the prompt, such as <c>followers</c>. Default "<see cref="CountedKind"/> events".</summary>
    public string? CountName { get; init; }

    /// <inheritdoc />
    public override string Kind => "milestone";

    /// <inheritdoc />
    public void Observe(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (!string.Equals(chatEvent.Kind, CountedKind, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var tally = _tallies.GetOrAdd((chatEvent.Platform, chatEvent.Channel), static _ => new Tally());
        var count = tally.Add(DistinctUsers ? chatEvent.Author?.Id ?? "" : null);
        if (count > 0 && Milestones.Contains(count))
        {
            _reached.AddOrUpdate(chatEvent, new Reached(count));
        }
    }

    /// <inheritdoc />
    public override bool Matches(in TriggerContext context) => _reached.TryGetValue(context.Event, out _);

    /// <inheritdoc />
    public override string? InstructionFor(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (!_reached.TryGetValue(chatEvent, out var reached))
        {
            return Instruction;
        }

        var celebrate = $"This brings the stream to {reached.Count} {CountName ?? CountedKind + " events"}: celebrate the milestone with chat, in one or two sentences.";
        return string.IsNullOrWhiteSpace(Instruction) ? celebrate : celebrate + "\n" + Instruction;
    }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        if (string.IsNullOrWhiteSpace(CountedKind))
        {
            throw new ChatBotConfigurationException($"{path}.CountedKind", "must not be empty");
        }

        if (Milestones.Count == 0 || Milestones[0] < 1)
        {
            throw new ChatBotConfigurationException($"{path}.Milestones", "needs at least one count, each at least 1");
        }
    }

    private sealed record Reached(int Count);

    /// <summary>One channel's count; the users seen when only distinct users count.</summary>
    private sealed class Tally
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _users = new(StringComparer.Ordinal);
        private int _count;

        /// <summary>The new count, or 0 when <paramref name="user"/> was already counted or has no id.</summary>
        public int Add(string? user)
        {
            lock (_gate)
            {
                if (user is not null && (user.Length == 0 || !_users.Add(user)))
                {
                    return 0;
                }

                return ++_count;
            }
        }
    }
}
