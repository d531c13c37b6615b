using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>Recomputes the scores of a self-evaluation for display beside the published ones.</summary>
public class FormScoring
{
    public virtual FormScores? Score(PerformanceForm form) => null;
}
