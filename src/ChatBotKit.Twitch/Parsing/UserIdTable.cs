using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ChatBotKit.Twitch.Parsing;

/// <summary>
/// An open-addressing table from a numeric key (a user id with roles) to a <see cref="UserCache"/> entry: one multiply
/// to find the slot and usually one memory access, instead of hashing the id's text. Grows by
/// doubling; past <c>capacity</c> keys it starts over. Not thread-safe.
/// </summary>
internal sealed class UserIdTable(int capacity)
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;
    private Slot[] _slots = new Slot[256];
    private int _shift = 64 - 8;
    private int _count;

    /// <summary>Starts fetching the slot where <paramref name="id"/> is looked for first; nothing where the processor cannot.</summary>
    public unsafe void Prefetch(ulong id)
    {
        // Unpinned on purpose: a prefetch never faults, so an address the GC has just moved costs nothing.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[SlotOf(id + 1)]));
        }
    }

    /// <summary>The entry of <paramref name="id"/>, added empty (no user) when new.</summary>
    public ref UserCache.Entry Find(ulong id)
    {
        var key = id + 1;
        var mask = _slots.Length - 1;
        var i = SlotOf(key);
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.Key == key)
            {
                return ref slot.Entry;
            }

            if (slot.Key == 0)
            {
                if (_count >= capacity || (_count + 1) * 2 > _slots.Length)
                {
                    Make(room: _count < capacity);
                    return ref Find(id);
                }

                _count++;
                slot.Key = key;
                return ref slot.Entry;
            }

            i = (i + 1) & mask;
        }
    }

    private int SlotOf(ulong key) => (int)((key * Multiplier) >> _shift);

    private void Make(bool room)
    {
        var old = _slots;
        _slots = new Slot[room ? old.Length * 2 : old.Length];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)_slots.Length);
        _count = 0;
        if (!room)
        {
            return;
        }

        foreach (var slot in old)
        {
            if (slot.Key != 0)
            {
                Find(slot.Key - 1) = slot.Entry;
            }
        }
    }

    private struct Slot
    {
        public ulong Key;
        public UserCache.Entry Entry;
    }
}
