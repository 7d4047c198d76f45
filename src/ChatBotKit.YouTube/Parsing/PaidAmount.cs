using System.Globalization;

namespace ChatBotKit.YouTube.Parsing;

/// <summary>
/// Reads a Super Chat amount as YouTube displays it (<c>$5.00</c>, <c>￥800</c>, <c>CA$10.00</c>,
/// <c>€1.234,50</c>, <c>CHF 5.00</c>) into a number and an ISO 4217 code.
/// </summary>
internal static class PaidAmount
{
    // Longest prefixes first, so that "CA$" wins over "$".
    private static readonly (string Symbol, string Code)[] Symbols =
    [
        ("CA$", "CAD"), ("A$", "AUD"), ("NT$", "TWD"), ("HK$", "HKD"), ("NZ$", "NZD"), ("MX$", "MXN"), ("R$", "BRL"),
        ("$", "USD"), ("￥", "JPY"), ("¥", "JPY"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW"), ("₹", "INR"),
        ("₱", "PHP"), ("₽", "RUB"), ("₪", "ILS"), ("₫", "VND"), ("₺", "TRY"),
    ];

    /// <summary>The amount and currency in <paramref name="display"/>; the currency is <see langword="null"/> when unknown.</summary>
    public static (decimal Amount, string? Currency) Parse(string display)
    {
        var text = display.Trim();
        return (Number(text), Currency(text));
    }

    private static string? Currency(string text)
    {
        foreach (var (symbol, code) in Symbols)
        {
            if (text.StartsWith(symbol, StringComparison.Ordinal) || text.EndsWith(symbol, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return text.Length >= 3 && text.AsSpan(0, 3).ContainsAnyExceptInRange('A', 'Z') is false ? text[..3] : null;
    }

    // The last '.' or ',' followed by one or two digits at the end is the decimal separator; any other is a thousands separator.
    private static decimal Number(string text)
    {
        var digits = new System.Text.StringBuilder();
        var start = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return 0;
        }

        var number = text.AsSpan(start);
        number = number[..(number.LastIndexOfAnyInRange('0', '9') + 1)];
        var last = number.LastIndexOfAny('.', ',');
        var fraction = last >= 0 && number.Length - last - 1 is 1 or 2 ? last : -1;
        for (var i = 0; i < number.Length; i++)
        {
            if (char.IsAsciiDigit(number[i]))
            {
                digits.Append(number[i]);
            }
            else if (i == fraction)
            {
                digits.Append('.');
            }
        }

        return decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : 0;
    }
}
