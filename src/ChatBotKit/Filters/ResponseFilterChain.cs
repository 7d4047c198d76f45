namespace ChatBotKit.Filters;

/// <summary>Runs filters in order over a reply and its parts.</summary>
public sealed class ResponseFilterChain
{
    /// <summary>Creates a chain of <paramref name="filters"/>.</summary>
    public ResponseFilterChain(IEnumerable<IResponseFilter> filters) => Filters = [.. filters];

    /// <summary>The filters, in the order they run.</summary>
    public IReadOnlyList<IResponseFilter> Filters { get; }

    /// <summary>Filters <paramref name="reply"/>. A rejection of any part rejects the whole reply.</summary>
    public FilterOutcome Apply(string reply, ResponseFilterContext context) => Apply(reply, context, observe: null);

    /// <summary>Filters <paramref name="reply"/>, telling <paramref name="observe"/> what each filter left (the parts) or why it rejected.</summary>
    internal FilterOutcome Apply(string reply, ResponseFilterContext context, Action<IResponseFilter, IReadOnlyList<string>, string?>? observe)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(context);
        List<string> parts = [reply];
        foreach (var filter in Filters)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var result = filter.Apply(parts[i], context);
                if (result.IsRejected)
                {
                    observe?.Invoke(filter, parts, result.RejectionReason);
                    return FilterOutcome.Rejected(filter.Name, result.RejectionReason!);
                }

                if (result.Parts is { } split)
                {
                    parts.RemoveAt(i);
                    parts.InsertRange(i, split);
                    i += split.Count - 1;
                }
                else if (result.Text is { } text)
                {
                    parts[i] = text;
                }
                else
                {
                    // default(FilterResult) from a custom filter: neither text nor parts.
                    observe?.Invoke(filter, parts, FilterReasons.Empty);
                    return FilterOutcome.Rejected(filter.Name, FilterReasons.Empty);
                }
            }

            observe?.Invoke(filter, parts, parts.Count == 0 ? FilterReasons.Empty : null);
            if (parts.Count == 0)
            {
                return FilterOutcome.Rejected(filter.Name, FilterReasons.Empty);
            }
        }

        return FilterOutcome.Accepted(parts);
    }
}
