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
/// The computed score of one indicator with everything needed to explain it. A small value that refers
/// to the indicator's own target and actual values: scoring allocates nothing, and
/// <see cref="Explanation"/> is formatted only when asked for.
/// </summary>
public readonly struct IndicatorScore
{
    private readonly IndicatorValue? _target;
    private readonly IndicatorValue? _actual;
    private readonly decimal _raw;

    private IndicatorScore(ScoreMethod method, NotScoredReason reason, Rounding rounding, QualitativeResult result,
        decimal weight, decimal raw, decimal score, IndicatorValue? target, IndicatorValue? actual)
    {
        Method = method;
        Reason = reason;
        Rounding = rounding;
        Verdict = result;
        Weight = weight;
        _raw = raw;
        Score = score;
        _target = target;
        _actual = actual;
    }

    public ScoreMethod Method { get; }

    public NotScoredReason Reason { get; }

    public Rounding Rounding { get; }

    /// <summary>The qualitative result (when <see cref="Method"/> is <see cref="ScoreMethod.Qualitative"/>).</summary>
    public QualitativeResult Verdict { get; }

    public decimal Weight { get; }

    /// <summary>The exact figure before rounding and capping (a fraction of the weight is worked out on demand).</summary>
    public decimal Raw => Method switch
    {
        ScoreMethod.Proportional => Weight * Actual / Target,
        ScoreMethod.Reverse => Weight * (2 * Target - Actual) / Target,
        _ => _raw,
    };

    /// <summary>The score, rounded and within [0, W]; 0 when not scored.</summary>
    public decimal Score { get; }

    /// <summary>The target's comparison (<c>=</c> when the target printed none).</summary>
    public Comparison Op => _target?.Op ?? Comparison.Equal;

    public decimal Target => _target?.Number ?? 0;

    public decimal Actual => _actual?.Number ?? 0;

    public string? TargetUnit => _target?.Unit;

    public string? ActualUnit => _actual?.Unit;

    /// <summary>The printed actual text (a qualitative result, or one that was not recognised).</summary>
    public string? Text => _actual?.Text;

    /// <summary>For a qualitative score, the share of the weight it earned.</summary>
    public decimal Share => Method == ScoreMethod.Qualitative && Weight != 0 ? Raw / Weight : 0;

    public bool IsScored => Method != ScoreMethod.NotScored;

    /// <summary>The score, or null when not scored.</summary>
    public decimal? Value => IsScored ? Score : null;

    /// <summary>How the score was reached, e.g. <c>2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)</c>.</summary>
    public string Explanation => ScoreExplanations.Explain(this);

    internal static IndicatorScore NotScored(NotScoredReason reason, decimal weight = 0, IndicatorValue? target = null, IndicatorValue? actual = null) =>
        new(ScoreMethod.NotScored, reason, default, default, weight, 0, 0, target, actual);

    internal static IndicatorScore Quantitative(ScoreMethod method, Rounding rounding, decimal weight, decimal raw, decimal score, IndicatorValue target, IndicatorValue actual) =>
        new(method, NotScoredReason.None, rounding, default, weight, raw, score, target, actual);

    internal static IndicatorScore Qualitative(QualitativeResult result, Rounding rounding, decimal weight, decimal raw, decimal score, IndicatorValue actual) =>
        new(ScoreMethod.Qualitative, NotScoredReason.None, rounding, result, weight, raw, score, null, actual);

    public override string ToString() => Explanation;
}
