using System.Diagnostics.Metrics;

namespace ChatBotKit.Tests.Fakes;

/// <summary>A meter factory that keeps the meters it made, so a listener can pick only those.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    public List<Meter> Created { get; } = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, this);
        Created.Add(meter);
        return meter;
    }

    public void Dispose() => Created.ForEach(m => m.Dispose());
}
