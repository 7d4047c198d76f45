using System.Globalization;

namespace ChatBotKit;

/// <summary>
/// Identifies one event on its way through the engine; appears in every log line and decision
/// about it and travels with the replies it causes.
/// </summary>
public readonly record struct CorrelationId(ulong Value)
{
    private static ulong _last = (ulong)Environment.TickCount64 << 20;

    /// <summary>A new process-unique id.</summary>
    public static CorrelationId Next() => new(Interlocked.Increment(ref _last));

    /// <summary>Whether this id was assigned.</summary>
    public bool IsEmpty => Value == 0;

    /// <summary>16 lower-case hex digits.</summary>
    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
