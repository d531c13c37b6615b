namespace Jixiao.Domain.Scoring;

/// <summary>
/// W × N / D cut to two decimals, exactly as <c>rounding.Apply(W * N / D)</c> but without the decimal
/// division's 28-digit quotient: for the small numbers the forms print (non-negative, mantissas below
/// 2³², which covers every weight, target and actual seen) the quotient in cents and its remainder come
/// from one 64-bit division, and the remainder decides the rounding. Anything larger takes the decimal
/// path. This is the scorer's only hot arithmetic (a missed target); the bench shows the gain.
/// </summary>
internal static class Ratio
{
    private static readonly ulong[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000];

    public static decimal Round(decimal w, decimal n, decimal d, Rounding rounding) =>
        TryCents(w, n, d, rounding, out var cents)
            ? new decimal((int)(uint)cents, (int)(uint)(cents >> 32), 0, false, 2)
            : rounding.Apply(w * n / d);

    private static bool TryCents(decimal w, decimal n, decimal d, Rounding rounding, out ulong cents)
    {
        cents = 0;
        if (!Small(w, out var mw, out var sw) || !Small(n, out var mn, out var sn) || !Small(d, out var md, out var sd) || md == 0)
        {
            return false;
        }

        // 100 × (mw / 10^sw) × (mn / 10^sn) / (md / 10^sd) = mw × mn × 10^e / md, e = 2 + sd − sw − sn.
        var numerator = mw * mn;
        var denominator = md;
        var e = 2 + sd - sw - sn;
        if (e >= 0 ? !TryScale(ref numerator, e) : !TryScale(ref denominator, -e))
        {
            return false;
        }

        cents = numerator / denominator;
        var remainder = numerator - cents * denominator;
        if (rounding == Rounding.HalfUp && remainder >= denominator - remainder)
        {
            cents++;
        }

        return true;
    }

    private static bool TryScale(ref ulong value, int exponent)
    {
        if (exponent >= Powers.Length || Math.BigMul(value, Powers[exponent], out var low) != 0)
        {
            return false;
        }

        value = low;
        return true;
    }

    private static bool Small(decimal value, out ulong mantissa, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        mantissa = (uint)bits[0];
        scale = (bits[3] >> 16) & 0xFF;
        return bits[1] == 0 && bits[2] == 0 && bits[3] >= 0;
    }
}
