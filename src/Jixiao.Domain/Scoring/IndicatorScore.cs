using Jixiao.Domain.Values;

namespace Jixiao.Domain.Scoring;

/// <summary>Which rule of scoring.md produced an indicator's score.</summary>
public enum ScoreMethod : byte
{
    /// <summary>Not scored automatically; <see cref="IndicatorScore.Reason"/> says why.</summary>
    NotScored,

    /// <summary>The target is met: the full weight.</summary>
    FullMarks,

    /// <summary>正向 or <c>=</c> target missed: W × A / T.</summary>
    Proportional,

    /// <summary>反向 target exceeded, A &lt; 2T: W × (1 − (A − T) / T).</summary>
    Reverse,

    /// <summary>反向 target exceeded, A ≥ 2T: 0.</summary>
    ReverseFloor,

    /// <summary>A zero target (<c>=0</c>, <c>≤0</c>, <c>≥0</c>): all or nothing.</summary>
    ZeroTarget,

    /// <summary>A qualitative result: a share of the weight.</summary>
    Qualitative,
}

/// <summary>Why an indicator was not scored automatically.</summary>
public enum NotScoredReason : byte
{
    None,
    NoWeight,
    NoActual,
    UnitMismatch,
    UnknownResult,
    NotComparable,
    NegativeTarget,
}

/// <summary>
/// The computed score of one indicator with everything needed to explain it. A plain value: scoring
/// allocates nothing; <see cref="Explanation"/> is formatted only when asked for.
/// </summary>
public readonly struct IndicatorScore
{
    private IndicatorScore(ScoreMethod method, NotScoredReason reason, Rounding rounding, Comparison op, decimal weight,
        decimal target, decimal actual, decimal raw, decimal score, QualitativeResult result, string? targetUnit, string? actualUnit, string? text)
    {
        Method = method;
        Reason = reason;
        Rounding = rounding;
        Op = op;
        Weight = weight;
        Target = target;
        Actual = actual;
        Raw = raw;
        Score = score;
        Result = result;
        TargetUnit = targetUnit;
        ActualUnit = actualUnit;
        Text = text;
    }

    public ScoreMethod Method { get; }

    public NotScoredReason Reason { get; }

    public Rounding Rounding { get; }

    /// <summary>The target's comparison (<c>=</c> when the target printed none).</summary>
    public Comparison Op { get; }

    public decimal Weight { get; }

    public decimal Target { get; }

    public decimal Actual { get; }

    /// <summary>The exact figure before rounding and capping.</summary>
    public decimal Raw { get; }

    /// <summary>The score, rounded and within [0, W]; 0 when not scored.</summary>
    public decimal Score { get; }

    public QualitativeResult Result { get; }

    public string? TargetUnit { get; }

    public string? ActualUnit { get; }

    /// <summary>The printed actual text when it is not a recognised result or number.</summary>
    public string? Text { get; }

    public bool IsScored => Method != ScoreMethod.NotScored;

    /// <summary>The score, or null when not scored.</summary>
    public decimal? Value => IsScored ? Score : null;

    /// <summary>How the score was reached, e.g. <c>2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)</c>.</summary>
    public string Explanation => ScoreExplanations.Explain(this);

    internal static IndicatorScore NotScored(NotScoredReason reason, decimal weight = 0, string? targetUnit = null, string? actualUnit = null, string? text = null) =>
        new(ScoreMethod.NotScored, reason, default, default, weight, 0, 0, 0, 0, default, targetUnit, actualUnit, text);

    internal static IndicatorScore Quantitative(ScoreMethod method, Rounding rounding, Comparison op, decimal weight, decimal target, decimal actual, decimal raw, decimal score) =>
        new(method, NotScoredReason.None, rounding, op, weight, target, actual, raw, score, default, null, null, null);

    internal static IndicatorScore Qualitative(QualitativeResult result, Rounding rounding, decimal weight, decimal share, decimal raw, decimal score) =>
        new(ScoreMethod.Qualitative, NotScoredReason.None, rounding, default, weight, share, 0, raw, score, result, null, null, null);

    /// <summary>For a qualitative score, the share of the weight (kept in <see cref="Target"/>).</summary>
    public decimal Share => Method == ScoreMethod.Qualitative ? Target : 0;

    public override string ToString() => Explanation;
}
