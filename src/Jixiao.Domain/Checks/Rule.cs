using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks;

/// <summary>A rule of the catalogue: a stable code, a default severity and a Chinese title.</summary>
public abstract class Rule(string code, Severity severity, string title)
{
    public string Code { get; } = code;

    public Severity Severity { get; } = severity;

    public string Title { get; } = title;

    public override string ToString() => Code;
}

/// <summary>A rule that judges one form on its own.</summary>
public abstract class FormRule(string code, Severity severity, string title) : Rule(code, severity, title)
{
    public abstract void Check(FormContext context);
}

/// <summary>A rule that compares forms with one another (duplicates, parents and children, years).</summary>
public abstract class FormSetRule(string code, Severity severity, string title) : Rule(code, severity, title)
{
    public abstract void Check(FormSetContext context);
}
